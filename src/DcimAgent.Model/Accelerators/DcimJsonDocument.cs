using System.Text.Json;
using System.Text.Json.Serialization;

namespace DcimAgent.Model.Accelerators;

/// <summary>
/// The <c>dcim-json/1</c> document a node-mode agent publishes: one per collection, all boards of the host.
/// The shape is the one the central agent's <c>dcim-json</c> payload format reads (branch mqtt,
/// Payloads/DcimJson/DcimJsonFormat.cs): values in base units, field names are the family names without
/// <c>dcim_accelerator_</c>; absent readings are left out (never 0). This record is the writer's side and lets
/// node-mode tests decode what they published without the central mapper.
/// </summary>
public sealed record DcimJsonDocument
{
    public const string SchemaName = "dcim-json/1";

    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    [JsonPropertyName("schema")]
    public string Schema { get; init; } = SchemaName;

    [JsonPropertyName("host")]
    public required string Host { get; init; }

    [JsonPropertyName("time_ms")]
    public long TimeMs { get; init; }

    [JsonPropertyName("boards")]
    public IReadOnlyList<DcimJsonBoard> Boards { get; init; } = [];

    public static DcimJsonDocument From(string host, long timeMs, IReadOnlyList<AcceleratorReading> boards) => new()
    {
        Host = host,
        TimeMs = timeMs,
        Boards = boards.Select(DcimJsonBoard.From).ToList(),
    };

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, Options);

    /// <exception cref="AcceleratorParseException">not a dcim-json/1 document.</exception>
    public static DcimJsonDocument Parse(ReadOnlySpan<byte> utf8)
    {
        DcimJsonDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize<DcimJsonDocument>(utf8, Options);
        }
        catch (JsonException e)
        {
            throw new AcceleratorParseException($"dcim-json: {e.Message}", e);
        }

        if (doc is null || !string.Equals(doc.Schema, SchemaName, StringComparison.Ordinal))
        {
            throw new AcceleratorParseException($"dcim-json: schema is '{doc?.Schema}', expected '{SchemaName}'");
        }

        return doc;
    }
}
