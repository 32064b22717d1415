namespace DcimAgent.Snmp.Ber;

/// <summary>
/// What the BER decoder tolerates beyond strict X.690 definite-length encoding. Encoding is always strict;
/// leniency exists only for decoding what real agents send.
/// </summary>
public sealed record BerDecodeOptions
{
    /// <summary>Strict X.690 §8.1.3 / §8.3.2: minimal lengths and integers, unsigned types non-negative.</summary>
    public static BerDecodeOptions Strict { get; } = new();

    /// <summary>Everything below allowed: what a manager should accept from real agents.</summary>
    public static BerDecodeOptions Lenient { get; } = new()
    {
        AllowNonMinimalIntegers = true,
        AllowNonMinimalLengths = true,
        AllowNegativeUnsigned = true,
    };

    /// <summary>Integers whose first 9 bits are all 0 or all 1 (X.690 §8.3.2 forbids them), e.g. 02 02 00 05.</summary>
    public bool AllowNonMinimalIntegers { get; init; }

    /// <summary>Long-form lengths that would fit a shorter form (X.690 §10.1 is DER; BER §8.1.3.5 permits them).</summary>
    public bool AllowNonMinimalLengths { get; init; }

    /// <summary>
    /// Counter32/Gauge32/TimeTicks/Counter64 encoded as negative two's complement (some agents send 02-style
    /// signed encodings); the value is reinterpreted modulo 2^32 (2^64), as net-snmp does.
    /// </summary>
    public bool AllowNegativeUnsigned { get; init; }

    /// <summary>Maximum constructed nesting depth accepted (SNMP messages need at most 8).</summary>
    public int MaxDepth { get; init; } = 16;

    /// <summary>Maximum number of sub-identifiers in an OID (RFC 2578 §3.5 limits OIDs to 128).</summary>
    public int MaxOidArcs { get; init; } = 128;
}
