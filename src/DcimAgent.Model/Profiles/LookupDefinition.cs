using DcimAgent.Snmp;

namespace DcimAgent.Model.Profiles;

/// <summary>
/// A column walked only when labels are refreshed (outlet names, sensor descriptions, per-row scale and
/// unit columns): its values, keyed by the row index after <see cref="Walk"/>, feed templates.
/// </summary>
public sealed record LookupDefinition(string Name, Oid Walk);
