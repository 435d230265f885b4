using System.Reflection;

namespace InclusionCases.Functions.Hosting;

/// <summary>A queue-triggered function: its name, queue (possibly a <c>%Setting%</c> expression) and connection setting.</summary>
public sealed record QueueFunction(string Name, string QueueName, string Connection, MethodInfo Method, ParameterInfo TriggerParameter);
