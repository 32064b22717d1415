namespace DcimAgent.Model.Profiles;

/// <summary>How a table metric without per-row labels folds its rows into one series.</summary>
public enum RowAggregate
{
    None,
    Sum,
    Max,
}
