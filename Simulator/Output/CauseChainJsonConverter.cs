using System.Text.Json;
using System.Text.Json.Serialization;
using Simulator.Model;

namespace Simulator.Output;

/// <summary>
/// A cause chain in a shard's job records as the text <see cref="HaltCause.Format(CauseChain?)"/> writes (empty for
/// none), so that records stay readable and read back to the same chain.
/// </summary>
internal sealed class CauseChainJsonConverter : JsonConverter<CauseChain>
{
    public override bool HandleNull => true;

    public override CauseChain Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return CauseChain.None;
        }

        try
        {
            return HaltCause.Parse(reader.GetString() ?? string.Empty);
        }
        catch (FormatException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, CauseChain value, JsonSerializerOptions options) =>
        writer.WriteStringValue(HaltCause.Format(value));
}
