using DcimAgent.Model.Accelerators;

namespace DcimAgent.Node;

/// <summary>Where node mode sends its dcim-json documents (MQTT in the agent; a list in tests).</summary>
public interface IDcimJsonPublisher
{
    /// <summary>Publishes one document; false when it could not be delivered (counted by the caller).</summary>
    Task<bool> PublishAsync(DcimJsonDocument document, CancellationToken ct);
}
