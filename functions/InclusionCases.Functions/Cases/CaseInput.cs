using System.Text.Json;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Cases;

/// <summary>Checks and names shared by the case use cases.</summary>
internal static class CaseInput
{
    public static void ValidateWorkerId(FieldErrors errors, string? workerId)
    {
        errors.Optional("assignedWorkerId", workerId, FieldErrors.MaxNameLength);
        if (workerId is not null && (!TableKeys.IsValid(workerId) || workerId.Trim() != workerId))
        {
            errors.Add("assignedWorkerId", ApiText.NotAValidId);
        }
    }

    /// <summary>The contract's name of an enum value, e.g. <c>housingFirst</c>.</summary>
    public static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
