using System.Text.Json;

namespace InclusionCases.Functions.Http;

/// <summary>
/// Reads queue messages with the API's own JSON settings (camelCase enums, unknown fields refused)
/// instead of the worker's default serializer, so both hosts read a message the same way and a
/// malformed one fails, and after its last attempt reaches the poison queue.
/// </summary>
public static class QueueMessages
{
    public static T Parse<T>(string message)
        where T : class =>
        JsonSerializer.Deserialize<T>(message, ApiJson.Options) ?? throw new FormatException($"The message is not a {typeof(T).Name}.");

    public static string Serialize<T>(T message) => JsonSerializer.Serialize(message, ApiJson.Options);
}
