namespace DcimAgent.Snmp.Client;

/// <summary>
/// What <see cref="SnmpClient.WalkManyAsync"/> collected: one list per root, in the order asked. On failure,
/// <see cref="Error"/> says why and <see cref="FailedRoot"/> which subtree was still being walked (the lists hold
/// what arrived before).
/// </summary>
public sealed record WalkManyResult(IReadOnlyList<IReadOnlyList<VarBind>> Results, SnmpError? Error = null, int FailedRoot = -1)
{
    public bool IsSuccess => Error is null;

    /// <summary>
    /// The scalar instances the first request carried that came back as themselves (see
    /// <see cref="SnmpClient.WalkManyAsync(SnmpTarget, IReadOnlyList{Oid}, IReadOnlyList{Oid}, WalkOptions?, CancellationToken)"/>);
    /// null when no scalars were carried.
    /// </summary>
    public IReadOnlyList<VarBind>? Scalars { get; init; }
}
