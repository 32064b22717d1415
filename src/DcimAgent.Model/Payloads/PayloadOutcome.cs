namespace DcimAgent.Model.Payloads;

/// <summary>What became of one message: accepted with its sample count, or rejected with a reason that names where.</summary>
public readonly record struct PayloadOutcome(bool Accepted, int Samples, string? Reason)
{
    public static PayloadOutcome Accept(int samples) => new(true, samples, null);

    public static PayloadOutcome Reject(string reason) => new(false, 0, reason);

    public override string ToString() => Accepted ? $"accepted ({Samples} samples)" : $"rejected: {Reason}";
}
