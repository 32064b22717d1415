using System.Globalization;
using System.Text.Json;

namespace DcimAgent.Model.Facility;

/// <summary>
/// The state file's bytes: UTF-8 JSON with snake_case keys. Decoding checks every value it will trust
/// (finite, non-negative energies, known version) and names the first bad one, so a damaged file is refused
/// rather than silently resetting or inflating a counter.
/// </summary>
public static class LedgerStateCodec
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
    };

    public static byte[] Encode(LedgerState state) => JsonSerializer.SerializeToUtf8Bytes(state, Options);

    public static LedgerState Decode(ReadOnlySpan<byte> utf8)
    {
        LedgerState? state;
        try
        {
            state = JsonSerializer.Deserialize<LedgerState>(utf8, Options);
        }
        catch (JsonException ex)
        {
            throw new LedgerStateException($"not valid ledger JSON at {ex.Path ?? "$"} (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }

        if (state is null)
        {
            throw new LedgerStateException("the file holds JSON null");
        }

        if (state.Version != LedgerState.CurrentVersion)
        {
            throw new LedgerStateException(string.Create(CultureInfo.InvariantCulture,
                $"version {state.Version} is not the supported version {LedgerState.CurrentVersion}"));
        }

        CheckTotals(state.Roles, "roles");
        CheckTotals(state.Racks, "racks");
        for (var i = 0; i < state.Meters.Count; i++)
        {
            var m = state.Meters[i] ?? throw new LedgerStateException($"meters[{i}] is null");
            if (string.IsNullOrEmpty(m.Key))
            {
                throw new LedgerStateException($"meters[{i}].key is empty");
            }

            CheckValue(m.Power, $"meters[{i}].power", allowNegative: true);
            CheckValue(m.Energy, $"meters[{i}].energy", allowNegative: false);
            CheckValue(m.EnergyRaw, $"meters[{i}].energy_raw", allowNegative: false);
        }

        return state;
    }

    private static void CheckTotals(List<LedgerTotalState> totals, string path)
    {
        if (totals is null)
        {
            throw new LedgerStateException($"{path} is null");
        }

        for (var i = 0; i < totals.Count; i++)
        {
            var t = totals[i] ?? throw new LedgerStateException($"{path}[{i}] is null");
            if (string.IsNullOrEmpty(t.Name) || string.IsNullOrEmpty(t.Site))
            {
                throw new LedgerStateException($"{path}[{i}] lacks its site or name");
            }

            CheckValue(t.EnergyJoules, $"{path}[{i}].energy_joules", allowNegative: false);
            CheckValue(t.GapSeconds, $"{path}[{i}].gap_seconds", allowNegative: false);
        }
    }

    private static void CheckValue(double value, string path, bool allowNegative)
    {
        if (!double.IsFinite(value) || (!allowNegative && value < 0))
        {
            throw new LedgerStateException(string.Create(CultureInfo.InvariantCulture, $"{path} is {value}, not a finite non-negative number"));
        }
    }
}
