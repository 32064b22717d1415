using System.Security.Cryptography;

namespace DcimAgent.Snmp.Client;

/// <summary>
/// Unpredictable request ids (and v3 msgIDs): a forged v1/v2c reply must guess one. Drawn from the system CSPRNG
/// 256 at a time, because one OpenSSL call per request was a visible share of a poll's CPU.
/// </summary>
internal sealed class RequestIds
{
    private readonly Lock _gate = new();
    private readonly int[] _buffer = new int[256];
    private int _next = int.MaxValue;

    /// <summary>A random id in 1..int.MaxValue-1 (0 is avoided: some agents treat it specially).</summary>
    public int Next()
    {
        lock (_gate)
        {
            while (true)
            {
                if (_next >= _buffer.Length)
                {
                    RandomNumberGenerator.Fill(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_buffer.AsSpan()));
                    _next = 0;
                }

                var id = _buffer[_next++] & int.MaxValue;
                if (id is > 0 and < int.MaxValue)
                {
                    return id;
                }
            }
        }
    }
}
