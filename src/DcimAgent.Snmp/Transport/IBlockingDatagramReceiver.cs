namespace DcimAgent.Snmp.Transport;

/// <summary>
/// A transport that can also be read by a thread that blocks in the receive system call. A manager waiting for
/// replies spends most of its CPU on thread hand-offs, not on SNMP: an async receive wakes the socket engine's
/// thread, which queues the continuation to a pool thread, which completes the request on yet another. A
/// dedicated thread that blocks in <c>recvfrom</c> is woken once by the kernel per datagram.
/// </summary>
public interface IBlockingDatagramReceiver
{
    /// <summary>
    /// Blocks until a datagram arrives or <paramref name="wait"/> passes (then null, so the caller can check
    /// whether it should stop). Throws <see cref="OperationCanceledException"/> once the transport is disposed.
    /// </summary>
    SnmpDatagram? Receive(Span<byte> buffer, TimeSpan wait);
}
