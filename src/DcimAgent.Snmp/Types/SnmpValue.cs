using System.Globalization;
using System.Text;

namespace DcimAgent.Snmp;

/// <summary>
/// One decoded SNMP value. Numbers are held without boxing; octet strings and OIDs by reference.
/// </summary>
public readonly struct SnmpValue : IEquatable<SnmpValue>
{
    private readonly long _number;
    private readonly double _real;
    private readonly object? _ref;

    private SnmpValue(SnmpType type, long number, double real, object? reference)
    {
        Type = type;
        _number = number;
        _real = real;
        _ref = reference;
    }

    public SnmpType Type { get; }

    public static SnmpValue Null => new(SnmpType.Null, 0, 0, null);

    public static SnmpValue NoSuchObject => new(SnmpType.NoSuchObject, 0, 0, null);

    public static SnmpValue NoSuchInstance => new(SnmpType.NoSuchInstance, 0, 0, null);

    public static SnmpValue EndOfMibView => new(SnmpType.EndOfMibView, 0, 0, null);

    public static SnmpValue Integer(int value) => new(SnmpType.Integer32, value, 0, null);

    public static SnmpValue Counter32(uint value) => new(SnmpType.Counter32, value, 0, null);

    public static SnmpValue Gauge32(uint value) => new(SnmpType.Gauge32, value, 0, null);

    public static SnmpValue TimeTicks(uint value) => new(SnmpType.TimeTicks, value, 0, null);

    public static SnmpValue Counter64(ulong value) => new(SnmpType.Counter64, unchecked((long)value), 0, null);

    public static SnmpValue OctetString(byte[] value) => new(SnmpType.OctetString, 0, 0, value);

    public static SnmpValue OctetString(string value) => OctetString(Encoding.UTF8.GetBytes(value));

    public static SnmpValue ObjectId(Oid value) => new(SnmpType.ObjectIdentifier, 0, 0, value.Arcs.ToArray());

    /// <summary>OID value over arcs the caller hands over (no copy): used by the decoder.</summary>
    internal static SnmpValue FromArcs(uint[] arcs) => new(SnmpType.ObjectIdentifier, 0, 0, arcs);

    /// <summary>The raw reference (byte[] or uint[]) without copying, for encoders.</summary>
    internal object? Reference => _ref;

    /// <summary>The float/double payload of OpaqueFloat/OpaqueDouble.</summary>
    internal double Real => _real;

    /// <summary>IpAddress: four octets in network order.</summary>
    public static SnmpValue IpAddress(byte[] value) => new(SnmpType.IpAddress, 0, 0, value);

    public static SnmpValue Opaque(byte[] value) => new(SnmpType.Opaque, 0, 0, value);

    public static SnmpValue OpaqueFloat(float value) => new(SnmpType.OpaqueFloat, 0, value, null);

    public static SnmpValue OpaqueDouble(double value) => new(SnmpType.OpaqueDouble, 0, value, null);

    /// <summary>True for noSuchObject, noSuchInstance and endOfMibView (RFC 3416 §3).</summary>
    public bool IsException => Type is SnmpType.NoSuchObject or SnmpType.NoSuchInstance or SnmpType.EndOfMibView;

    public bool IsNumeric => Type is SnmpType.Integer32 or SnmpType.Counter32 or SnmpType.Gauge32
        or SnmpType.TimeTicks or SnmpType.Counter64 or SnmpType.OpaqueFloat or SnmpType.OpaqueDouble;

    /// <summary>Integer32 as signed; Counter32/Gauge32/TimeTicks as unsigned 32-bit.</summary>
    public long AsInt64() => _number;

    public ulong AsUInt64() => unchecked((ulong)_number);

    public byte[] AsBytes() => _ref as byte[] ?? [];

    public Oid AsOid() => _ref is uint[] arcs ? new Oid(arcs) : default;

    /// <summary>The value as a double where it is a number; NaN otherwise.</summary>
    public double AsDouble() => Type switch
    {
        SnmpType.Counter64 => (double)AsUInt64(),
        SnmpType.OpaqueFloat or SnmpType.OpaqueDouble => _real,
        _ when IsNumeric => _number,
        _ => double.NaN,
    };

    /// <summary>Octet string as text (UTF-8, invalid bytes replaced); numbers in invariant culture.</summary>
    public string AsText() => Type switch
    {
        SnmpType.OctetString or SnmpType.Opaque => Encoding.UTF8.GetString(AsBytes()),
        SnmpType.ObjectIdentifier => AsOid().ToString(),
        SnmpType.IpAddress => AsBytes().Length == 4 ? string.Join('.', AsBytes()) : Convert.ToHexString(AsBytes()),
        SnmpType.OpaqueFloat or SnmpType.OpaqueDouble => _real.ToString("R", CultureInfo.InvariantCulture),
        SnmpType.Counter64 => AsUInt64().ToString(CultureInfo.InvariantCulture),
        _ when IsNumeric => _number.ToString(CultureInfo.InvariantCulture),
        _ => string.Empty,
    };

    public bool Equals(SnmpValue other)
    {
        if (Type != other.Type || _number != other._number || !_real.Equals(other._real))
        {
            return false;
        }

        return (_ref, other._ref) switch
        {
            (null, null) => true,
            (byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b),
            (uint[] a, uint[] b) => a.AsSpan().SequenceEqual(b),
            _ => false,
        };
    }

    public override bool Equals(object? obj) => obj is SnmpValue v && Equals(v);

    public override int GetHashCode() => HashCode.Combine(Type, _number, _real);

    public override string ToString() => $"{Type}: {AsText()}";

    public static bool operator ==(SnmpValue left, SnmpValue right) => left.Equals(right);

    public static bool operator !=(SnmpValue left, SnmpValue right) => !left.Equals(right);
}
