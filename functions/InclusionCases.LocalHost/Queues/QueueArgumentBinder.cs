using System.Reflection;
using System.Text.Json;
using Azure.Storage.Queues.Models;
using InclusionCases.Functions.Hosting;
using InclusionCases.LocalHost.Discovery;
using Microsoft.Azure.Functions.Worker;

namespace InclusionCases.LocalHost.Queues;

/// <summary>
/// Binds a queue function's parameters from a received message, as the worker does: the trigger
/// parameter as <see cref="string"/>, <see cref="BinaryData"/>, <c>byte[]</c>, <see cref="QueueMessage"/>
/// or a JSON-deserialised POCO; the binding data <c>id</c>, <c>dequeueCount</c>, <c>insertionTime</c>;
/// and a <see cref="CancellationToken"/>. Anything else is refused when the host starts.
/// </summary>
internal static class QueueArgumentBinder
{
    // The worker's default serializer settings for POCO triggers.
    private static readonly JsonSerializerOptions PocoOptions = new(JsonSerializerDefaults.Web);

    public static Func<QueueMessage, CancellationToken, object?[]> For(QueueFunction function)
    {
        var binders = function.Method.GetParameters().Select(p => ForParameter(function, p)).ToArray();
        return (message, cancellationToken) => [.. binders.Select(b => b(message, cancellationToken))];
    }

    private static Func<QueueMessage, CancellationToken, object?> ForParameter(QueueFunction function, ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (parameter.GetCustomAttribute<QueueTriggerAttribute>() is not null)
        {
            return type switch
            {
                _ when type == typeof(string) => (m, _) => m.Body.ToString(),
                _ when type == typeof(BinaryData) => (m, _) => m.Body,
                _ when type == typeof(byte[]) => (m, _) => m.Body.ToArray(),
                _ when type == typeof(QueueMessage) => (m, _) => m,
                _ => (m, _) => JsonSerializer.Deserialize(m.Body.ToMemory().Span, type, PocoOptions),
            };
        }

        return (type, parameter.Name) switch
        {
            (_, _) when type == typeof(CancellationToken) => (_, ct) => ct,
            (_, "id") when type == typeof(string) => (m, _) => m.MessageId,
            (_, "dequeueCount") when type == typeof(long) => (m, _) => m.DequeueCount,
            (_, "insertionTime") when type == typeof(DateTimeOffset?) => (m, _) => m.InsertedOn,
            _ => throw new NotSupportedException(
                $"Function '{function.Name}', parameter '{parameter.Name}': the local host binds the trigger, id, dequeueCount, insertionTime and CancellationToken only."),
        };
    }
}
