using DcimAgent.Model.Querying;

namespace DcimAgent.Polling;

/// <summary>The result of one poll of one target.</summary>
public sealed record PollOutcome(bool Up, SnmpErrorKind Error, string? Detail, int Samples, int VarBinds, TimeSpan Duration);
