namespace DcimAgent.Model.Facility;

/// <summary>One rack of the facility model: where it is, who rents it, and which devices feed it.</summary>
/// <param name="Devices">Device names or globs; empty means every device whose <c>rack</c> label is <paramref name="Rack"/>.</param>
public sealed record RackPlan(
    string Rack,
    string? Tenant,
    string? Room,
    string? Row,
    RackSource Source,
    IReadOnlyList<string> Devices);
