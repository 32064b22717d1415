namespace DcimAgent.Model.Accelerators;

/// <summary>
/// The boards of one host as read at one moment. <see cref="TimestampMs"/> is set where the capture carries its
/// own time (the NVML series); otherwise the collector stamps the frame when it reads it.
/// </summary>
public sealed record AcceleratorFrame(long? TimestampMs, IReadOnlyList<AcceleratorReading> Boards);
