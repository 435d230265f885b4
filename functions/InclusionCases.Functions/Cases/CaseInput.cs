using System.Text.Json;
using InclusionCases.Functions.Http;

namespace InclusionCases.Functions.Cases;

/// <summary>Checks and names shared by the case use cases.</summary>
internal static class CaseInput
{
    public static void ValidateWorkerId(FieldErrors errors, string? workerId) => errors.OptionalWorkerId("assignedWorkerId", workerId);

    /// <summary>The contract's name of an enum value, e.g. <c>housingFirst</c>.</summary>
    public static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
