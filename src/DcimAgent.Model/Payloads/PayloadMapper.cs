using System.Text.Json;
using Google.Protobuf;

namespace DcimAgent.Model.Payloads;

/// <summary>
/// Base of every payload format: checks the size, runs the format's parser into a <see cref="SampleBatch"/> and
/// turns every kind of bad input (malformed JSON or protobuf, wrong types, forbidden values) into a rejected
/// outcome with a reason. Never throws for payload content.
/// </summary>
public abstract class PayloadMapper
{
    protected PayloadMapper(PayloadMapperOptions options) => Options = options;

    public PayloadMapperOptions Options { get; }

    /// <summary>The <c>format:</c> value this mapper serves.</summary>
    public abstract string Format { get; }

    /// <summary>The device class a device gets when its subscription sets none.</summary>
    public abstract string DefaultDeviceClass { get; }

    /// <summary>Whether a well-formed message that maps to no reading is accepted (Sparkplug commands, STATE).</summary>
    protected virtual bool AcceptsEmpty => false;

    public PayloadOutcome Map(in PayloadMessage message, DeviceDirectory directory, SampleBatch batch)
    {
        batch.Begin(directory, message);
        if (message.Payload.Length > Options.MaxPayloadBytes)
        {
            return PayloadOutcome.Reject($"payload of {message.Payload.Length} bytes exceeds max_payload_bytes {Options.MaxPayloadBytes}");
        }

        try
        {
            MapCore(message, batch);
        }
        catch (PayloadException e)
        {
            batch.Clear();
            return PayloadOutcome.Reject(e.Message);
        }
        catch (JsonException e)
        {
            batch.Clear();
            return PayloadOutcome.Reject($"malformed JSON at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}");
        }
        catch (InvalidOperationException e) when (e.InnerException is System.Text.DecoderFallbackException)
        {
            // JsonDocument checks UTF-8 only when a name or string is read: found by fuzzing (tasmota, shelly).
            batch.Clear();
            return PayloadOutcome.Reject("malformed JSON: invalid UTF-8 in a name or string");
        }
        catch (InvalidProtocolBufferException e)
        {
            batch.Clear();
            return PayloadOutcome.Reject($"malformed protobuf: {e.Message}");
        }

        if (batch.Samples.Count == 0 && batch.Touched.Count == 0 && batch.Down.Count == 0 && !AcceptsEmpty)
        {
            return PayloadOutcome.Reject(NothingMappedReason);
        }

        return PayloadOutcome.Accept(batch.Samples.Count);
    }

    /// <summary>Why a message that parsed but gave nothing is rejected.</summary>
    protected virtual string NothingMappedReason => "no readings in the payload";

    /// <summary>Parses the payload into samples; throws <see cref="PayloadException"/> (or the parser's exception) on bad input.</summary>
    protected abstract void MapCore(in PayloadMessage message, SampleBatch batch);

    /// <summary>Strict JSON: no comments, no trailing commas, only JSON whitespace (a U+00A0 indent is an error).</summary>
    protected static JsonDocument ParseJson(ReadOnlyMemory<byte> payload) =>
        JsonDocument.Parse(payload, new JsonDocumentOptions { MaxDepth = 32 });
}
