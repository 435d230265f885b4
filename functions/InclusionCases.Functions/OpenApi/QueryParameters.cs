using System.Text.Json.Nodes;
using InclusionCases.Domain.Cases;
using InclusionCases.Domain.Contacts;
using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Tasks;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Referrals;
using InclusionCases.Functions.Tasks;

namespace InclusionCases.Functions.OpenApi;

/// <summary>
/// The query parameters routes read (<see cref="Hosting.ApiDocAttribute.Query"/>): its schema, with
/// the limits the parsing code uses, and what it does. A name means one thing across the API, except
/// where a route's own list says otherwise (the task list's status and kind).
/// </summary>
internal static class QueryParameters
{
    private static readonly string Time = "An ISO 8601 time with an offset (2026-11-25T21:00:00Z) or a date (2026-11-25, midnight UTC).";

    /// <summary>The parameter object of <paramref name="name"/>; an undeclared name fails the document.</summary>
    public static JsonObject Of(string name, string operationId, ComponentSchemas schemas)
    {
        var (schema, description, required) = (operationId, name) switch
        {
            ("ListTasks", "scope") => (schemas.Reference(typeof(TaskListScope)), "organisation (default): the organisation's tasks; me: those assigned to the caller.", false),
            ("ListTasks", "status") => (schemas.Reference(typeof(TaskListStatus)), "open (default), overdue, dueSoon (due within a week), done, cancelled or all.", false),
            ("ListTasks", "kind") => (schemas.Reference(typeof(TaskKind)), "Only tasks of this kind.", false),
            ("GetBreakdownReport", "measure") => (schemas.Reference(typeof(Domain.Reports.ReportMeasure)), "What to count.", true),
            ("GetBreakdownReport", "by") => (new JsonObject { ["type"] = "string", ["pattern"] = "^[A-Za-z]+(,[A-Za-z]+)?$" }, "One or two dimensions, comma-separated: gender, ageBand, type (cases only), zone (street contacts only), disabilityStatus, residenceStatus.", true),
            ("GetBreakdownReport", "from") => (Text(), "The first quarter: its first day (2026-01-01) or its name (2026-Q1); by default three quarters before the current one.", false),
            ("GetBreakdownReport", "to") => (Text(), "The last quarter: its last day (2026-12-31) or its name (2026-Q4); by default the current one.", false),
            _ => Common(name, schemas),
        };
        return new JsonObject { ["name"] = name, ["in"] = "query", ["required"] = required, ["description"] = description, ["schema"] = schema };
    }

    private static (JsonObject Schema, string Description, bool Required) Common(string name, ComponentSchemas schemas) =>
        name switch
        {
            "limit" => (new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = Paging.MaxLimit, ["default"] = Paging.DefaultLimit }, "Items per page.", false),
            "cursor" => (Text(), "The next value of the previous page; leave out for the first page.", false),
            "from" => (Text(), "Start of the time range. " + Time, false),
            "to" => (Text(), "End of the time range. " + Time, false),
            "zone" => (Text(StreetContactRules.MaxZoneLength), "Only contacts in this zone.", false),
            "status" => (schemas.Reference(typeof(CaseStatus)), "Only cases in this status.", false),
            "type" => (schemas.Reference(typeof(CaseType)), "Only cases of this type.", false),
            "assignedTo" => (new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("me") }, "\"me\": only the cases assigned to the caller.", false),
            "direction" => (schemas.Reference(typeof(ReferralDirection)), "Referrals to the caller's organisation (incoming) or from it (outgoing).", true),
            "kind" => (schemas.Reference(typeof(OrganisationKind)), "Only organisations of this kind.", false),
            "offers" => (schemas.Reference(typeof(Offer)), "Only organisations that offer this.", false),
            "language" => (Text(), "Only organisations that work in this language (a tag such as fr, nl or ar-MA).", false),
            "personId" => (Text(), "Only entries about this person.", false),
            "actorId" => (Text(), "Only entries by this user (object id).", false),
            _ => throw new InvalidOperationException($"The query parameter '{name}' is not described: add it to {nameof(QueryParameters)}."),
        };

    private static JsonObject Text(int? maxLength = null) =>
        maxLength is { } max ? new JsonObject { ["type"] = "string", ["maxLength"] = max } : new JsonObject { ["type"] = "string" };
}
