using System.Collections.Frozen;

namespace DcimAgent.Model.Units;

/// <summary>
/// The units devices report in, by the names profiles and payload mappings use, and their conversion to the
/// base units of spec/metrics.md. Aliases cover the spellings MIBs use.
/// </summary>
public static class UnitLibrary
{
    // Exact definitions: 1 US gallon = 3.785411784 L; 1 ft³ = 0.028316846592 m³; 1 psi = 6894.757293168 Pa.
    private const double UsGallonCubicMeters = 3.785411784e-3;
    private const double CubicFootCubicMeters = 0.028316846592;

    private static readonly FrozenDictionary<string, Unit> Units = Build();

    // Case-insensitive lookup only for names that stay unambiguous (mW and MW must never meet).
    private static readonly FrozenDictionary<string, Unit> UnitsIgnoreCase = Units
        .GroupBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase)
        .Where(g => g.Select(kv => kv.Value.Factor).Distinct().Count() == 1)
        .ToFrozenDictionary(g => g.Key, g => g.First().Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>All known unit names (aliases included).</summary>
    public static IEnumerable<string> Names => Units.Keys;

    /// <summary>Exact name first (SI prefixes are case-sensitive), then an unambiguous case-insensitive match.</summary>
    public static bool TryGet(string name, out Unit unit) =>
        Units.TryGetValue(name.Trim(), out unit!) || UnitsIgnoreCase.TryGetValue(name.Trim(), out unit!);

    public static Unit Get(string name) =>
        TryGet(name, out var unit) ? unit : throw new KeyNotFoundException($"unknown unit '{name}'");

    /// <summary>Converts <paramref name="value"/> from <paramref name="unit"/> to its base unit.</summary>
    public static double ToBase(double value, string unit) => Get(unit).ToBase(value);

    private static FrozenDictionary<string, Unit> Build()
    {
        var d = new Dictionary<string, Unit>(StringComparer.Ordinal);

        void Add(string baseUnit, double factor, double offset, params string[] names)
        {
            foreach (var n in names)
            {
                d.Add(n, new Unit(names[0], baseUnit, factor, offset));
            }
        }

        // Plain scalings of whatever the base quantity is (a profile says the quantity by its family).
        Add(string.Empty, 1, 0, "one", "1", "none");
        Add(string.Empty, 0.1, 0, "tenths", "deci");
        Add(string.Empty, 0.01, 0, "hundredths", "centi");
        Add(string.Empty, 0.001, 0, "thousandths", "milli");
        Add(string.Empty, 1000, 0, "kilo");

        // Power.
        Add("watts", 1, 0, "W", "watts", "watt");
        Add("watts", 0.1, 0, "dW", "deciwatts");
        Add("watts", 0.001, 0, "mW", "milliwatts");
        Add("watts", 1000, 0, "kW", "kilowatts");
        Add("watts", 100, 0, "hW", "hectowatts");
        Add("watts", 1e6, 0, "MW", "megawatts");
        Add("voltamperes", 1, 0, "VA", "voltamperes");
        Add("voltamperes", 1000, 0, "kVA", "kilovoltamperes");
        Add("voltamperes", 0.1, 0, "dVA");

        // Energy → joules.
        Add("joules", 1, 0, "J", "joules");
        Add("joules", 0.001, 0, "mJ", "millijoules");
        Add("joules", 3600, 0, "Wh", "watthours");
        Add("joules", 360, 0, "dWh");
        Add("joules", 3.6e6, 0, "kWh", "kilowatthours");
        Add("joules", 3.6e5, 0, "dkWh", "tenths_kWh");
        Add("joules", 3.6e4, 0, "ckWh", "hundredths_kWh");
        Add("joules", 3.6e9, 0, "MWh", "megawatthours");
        Add("joules", 60, 0, "Wmin", "wattminutes");

        // Current and voltage.
        Add("amperes", 1, 0, "A", "amperes", "amps");
        Add("amperes", 0.1, 0, "dA", "deciamperes", "deciamps");
        Add("amperes", 0.01, 0, "cA", "centiamperes", "centiamps");
        Add("amperes", 0.001, 0, "mA", "milliamperes", "milliamps");
        Add("volts", 1, 0, "V", "volts");
        Add("volts", 0.1, 0, "dV", "decivolts");
        Add("volts", 0.01, 0, "cV", "centivolts");
        Add("volts", 0.001, 0, "mV", "millivolts");

        // Temperature → celsius.
        Add("celsius", 1, 0, "C", "celsius", "degC", "°C");
        Add("celsius", 0.1, 0, "dC", "decicelsius", "tenths_degC");
        Add("celsius", 0.01, 0, "cC", "centicelsius", "hundredths_degC");
        Add("celsius", 0.001, 0, "mC", "millicelsius");
        Add("celsius", 5.0 / 9.0, -32 * 5.0 / 9.0, "F", "fahrenheit", "degF", "°F");
        Add("celsius", 0.5 / 9.0, -32 * 5.0 / 9.0, "dF", "decifahrenheit", "tenths_degF");
        Add("celsius", 1, -273.15, "K", "kelvin");

        // Ratios.
        Add("ratio", 1, 0, "ratio");
        Add("ratio", 0.01, 0, "%", "percent", "pct");
        Add("ratio", 0.001, 0, "d%", "percent_tenths", "permille");
        Add("ratio", 0.0001, 0, "c%", "percent_hundredths");

        // Frequency.
        Add("hertz", 1, 0, "Hz", "hertz");
        Add("hertz", 0.1, 0, "dHz", "decihertz");
        Add("hertz", 0.01, 0, "cHz");
        Add("hertz", 1000, 0, "kHz");
        Add("hertz", 1e6, 0, "MHz", "megahertz");
        Add("hertz", 1e9, 0, "GHz");

        // Time.
        Add("seconds", 1, 0, "s", "seconds", "sec");
        Add("seconds", 0.01, 0, "timeticks", "cs", "centiseconds");
        Add("seconds", 0.001, 0, "ms", "milliseconds");
        Add("seconds", 1e-6, 0, "us", "microseconds");
        Add("seconds", 60, 0, "min", "minutes");
        Add("seconds", 3600, 0, "h", "hours");

        // Pressure → pascals.
        Add("pascals", 1, 0, "Pa", "pascals");
        Add("pascals", 100, 0, "hPa", "mbar", "millibar");
        Add("pascals", 1000, 0, "kPa", "kilopascals");
        Add("pascals", 1e5, 0, "bar");
        Add("pascals", 1e4, 0, "dbar", "decibar");
        Add("pascals", 6894.757293168, 0, "psi");
        Add("pascals", 689.4757293168, 0, "dpsi");

        // Flow → cubic metres per second.
        Add("cubic_meters_per_second", 1, 0, "m3/s");
        Add("cubic_meters_per_second", 1.0 / 3600, 0, "m3/h");
        Add("cubic_meters_per_second", 0.001, 0, "l/s", "L/s");
        Add("cubic_meters_per_second", 0.0001, 0, "dl/s");
        Add("cubic_meters_per_second", 0.001 / 60, 0, "l/min", "L/min", "lpm");
        Add("cubic_meters_per_second", 0.001 / 3600, 0, "l/h", "L/h");
        Add("cubic_meters_per_second", CubicFootCubicMeters / 60, 0, "CFM", "cfm");
        Add("cubic_meters_per_second", UsGallonCubicMeters / 60, 0, "GPM", "gpm");
        Add("cubic_meters_per_second", UsGallonCubicMeters / 600, 0, "dGPM");

        // Bytes.
        Add("bytes", 1, 0, "B", "bytes");
        Add("bytes", 1024, 0, "KiB");
        Add("bytes", 1000, 0, "kB", "KB");
        Add("bytes", 1024 * 1024, 0, "MiB");
        Add("bytes", 1e6, 0, "MB");
        Add("bytes", 1024.0 * 1024 * 1024, 0, "GiB");
        Add("bytes", 1e9, 0, "GB");

        // Speeds that stay in their own unit.
        Add("rpm", 1, 0, "rpm", "RPM");

        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
