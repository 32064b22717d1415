namespace DcimAgent.Model.Profiles;

/// <summary>How a per-row scale (another column or lookup) applies to the raw value.</summary>
public enum ScaleMode
{
    /// <summary>value / scale (APC coolingUnit: "multiplied by ...Scale for integer presentation").</summary>
    Divide,

    /// <summary>value × scale.</summary>
    Multiply,

    /// <summary>value / 10^scale (Raritan PDU2 ...DecimalDigits).</summary>
    DecimalDigits,

    /// <summary>ENTITY-SENSOR-MIB SensorDataScale: 9 = units, each step a factor of 1000 (8 milli, 10 kilo).</summary>
    SiPrefix,

    /// <summary>Rittal CMC III: a positive scale multiplies, a negative one divides by its magnitude.</summary>
    SignedFactor,
}
