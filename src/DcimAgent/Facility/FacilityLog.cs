using Microsoft.Extensions.Logging;

namespace DcimAgent.Facility;

/// <summary>Log lines of the facility roll-ups (event ids 7000-7099).</summary>
internal static partial class FacilityLog
{
    [LoggerMessage(7000, LogLevel.Information, "Facility ledger restored from {Path}: {Meters} meters, saved at {SavedAt:o}")]
    public static partial void Restored(ILogger logger, string path, int meters, DateTimeOffset savedAt);

    [LoggerMessage(7001, LogLevel.Information, "Facility ledger starts empty: no state at {Path}")]
    public static partial void StartedEmpty(ILogger logger, string path);

    [LoggerMessage(7002, LogLevel.Error, "Facility ledger state not trusted ({Problem}); moved aside to {MovedTo}; energy counters start from zero")]
    public static partial void CorruptState(ILogger logger, string problem, string movedTo);

    [LoggerMessage(7003, LogLevel.Error, "Facility ledger state could not be saved to {Path}; energy counters are held back until it can")]
    public static partial void SaveFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(7004, LogLevel.Warning, "Facility roll-up: {Conflict}")]
    public static partial void Conflict(ILogger logger, string conflict);

    [LoggerMessage(7005, LogLevel.Error, "Facility roll-up failed")]
    public static partial void TickFailed(ILogger logger, Exception exception);

    [LoggerMessage(7006, LogLevel.Error, "Facility ledger state could not be read from {Path}; energy counters start from zero")]
    public static partial void LoadFailed(ILogger logger, string path, Exception exception);
}
