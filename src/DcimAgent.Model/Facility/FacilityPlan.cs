namespace DcimAgent.Model.Facility;

/// <summary>
/// The facility model as the roll-ups need it, built by the host from the <c>facility:</c> config section.
/// </summary>
/// <param name="DefaultSite">Site of meters whose series carry no <c>site</c> label (agent.site).</param>
/// <param name="PueCategory">The Green Grid category the operator states: 1, 2 or 3.</param>
/// <param name="RoleMeters">Role (facility, it, cooling, other) → device names or globs.</param>
/// <param name="Interval">How often the roll-ups run.</param>
/// <param name="MaxGapIntervals">A power meter silent for longer than this many intervals is not bridged.</param>
public sealed record FacilityPlan(
    string DefaultSite,
    int PueCategory,
    IReadOnlyDictionary<string, IReadOnlyList<string>> RoleMeters,
    IReadOnlyList<RackPlan> Racks,
    TimeSpan Interval,
    int MaxGapIntervals)
{
    /// <summary>The longest silence the trapezoid bridges, in milliseconds.</summary>
    public long GapLimitMs => (long)(Interval.TotalMilliseconds * MaxGapIntervals);
}
