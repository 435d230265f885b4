using InclusionCases.Domain.Access;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Hosting;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.Organisations.Contracts;
using InclusionCases.Functions.Organisations.UseCases;
using InclusionCases.Functions.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InclusionCases.Functions.Organisations;

/// <summary>The organisation directory and member routes: thin adapters from HTTP to one use case each.</summary>
public sealed class OrganisationFunctions(
    HttpApi api, ListOrganisations list, GetOrganisation get, CreateOrganisation create, UpdateOrganisation update, ListMembers members, GrantMembership grant, EndMembership end)
{
    [Function(nameof(ListOrganisations))]
    [ApiDoc("The organisation directory, by id, optionally narrowed to a kind, an offer and a language.", Operation = ApiOperation.ListOrganisations, Query = ["kind", "offers", "language", "limit", "cursor"], Response = typeof(PageResponse<OrganisationResponse>))]
    public Task<IActionResult> ListOrganisations([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "organisations")] HttpRequest request) =>
        api.HandleAsync(request, async (_, ct) =>
        {
            var errors = new FieldErrors();
            var kind = QueryValues.Enum<OrganisationKind>(request, "kind", errors);
            var offer = QueryValues.Enum<Offer>(request, "offers", errors);
            var language = request.Query["language"].ToString();
            if (language.Length > 0 && !OrganisationInput.IsLanguage(language))
            {
                errors.Add("language", ApiText.LanguageTag);
            }

            var paging = Paging.From(request);
            errors.ThrowIfAny();
            return ApiResults.Ok(await list.ExecuteAsync(kind, offer, language.Length > 0 ? language : null, paging, ct));
        });

    [Function(nameof(GetOrganisation))]
    [ApiDoc("One organisation of the directory, with the ETag a change of it needs.", Operation = ApiOperation.ReadOrganisation, ETag = true, Response = typeof(OrganisationResponse))]
    public Task<IActionResult> GetOrganisation([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "organisations/{organisationId}")] HttpRequest request, string organisationId) =>
        api.HandleAsync(request, async (_, ct) =>
        {
            var (found, etag) = await get.ExecuteAsync(organisationId, ct);
            return ApiResults.Ok(found, etag);
        });

    [Function(nameof(CreateOrganisation))]
    [ApiDoc("Add an organisation to the directory; an id already taken is 409.", Operation = ApiOperation.CreateOrganisation, Success = 201, Idempotent = true, Location = true, ETag = true, Request = typeof(CreateOrganisationRequest), Response = typeof(OrganisationResponse))]
    public Task<IActionResult> CreateOrganisation([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "organisations")] HttpRequest request) =>
        api.HandleAsync(request, async (_, ct) =>
        {
            var (body, _) = await RequestBody.ReadAsync<CreateOrganisationRequest>(request, ct);
            var (created, etag) = await create.ExecuteAsync(body, ct);
            return ApiResults.Created($"/api/organisations/{created.Id}", created, etag);
        });

    [Function(nameof(UpdateOrganisation))]
    [ApiDoc("Change an organisation (merge semantics) under If-Match.", Operation = ApiOperation.UpdateOrganisation, Conditional = true, ETag = true, Request = typeof(UpdateOrganisationRequest), Response = typeof(OrganisationResponse))]
    public Task<IActionResult> UpdateOrganisation([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "organisations/{organisationId}")] HttpRequest request, string organisationId) =>
        api.HandleAsync(request, async (_, ct) =>
        {
            var (body, json) = await RequestBody.ReadAsync<UpdateOrganisationRequest>(request, ct);
            var (updated, etag) = await update.ExecuteAsync(organisationId, request.Headers.IfMatch.ToString(), body, json, ct);
            return ApiResults.Ok(updated, etag);
        });

    [Function(nameof(ListMembers))]
    [ApiDoc("An organisation's members (ids and names): Coordinators, and its own social workers.", Operation = ApiOperation.ListMembers, Query = ["limit", "cursor"], Response = typeof(PageResponse<MemberResponse>))]
    public Task<IActionResult> ListMembers([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "organisations/{organisationId}/members")] HttpRequest request, string organisationId) =>
        api.HandleAsync(request, async (caller, ct) => ApiResults.Ok(await members.ExecuteAsync(caller, organisationId, Paging.From(request), ct)));

    [Function(nameof(GrantMembership))]
    [ApiDoc("Grant a membership, or change its name and end; 409 when the user belongs to another organisation.", Operation = ApiOperation.GrantMembership, AlsoSuccess = 201, Location = true, Request = typeof(MemberRequest), RequestOptional = true, Response = typeof(MemberResponse))]
    public Task<IActionResult> GrantMembership([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "organisations/{organisationId}/members/{oid}")] HttpRequest request, string organisationId, string oid) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            var body = await RequestBody.ReadOptionalAsync<MemberRequest>(request, ct) ?? new MemberRequest(null, null);
            var (member, created) = await grant.ExecuteAsync(caller, organisationId, oid, body, ct);
            return created ? ApiResults.Created($"/api/organisations/{organisationId}/members", member) : ApiResults.Ok(member);
        });

    [Function(nameof(EndMembership))]
    [ApiDoc("End a membership: the user is refused at once here, within 30 seconds everywhere.", Operation = ApiOperation.EndMembership, Success = 204)]
    public Task<IActionResult> EndMembership([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "organisations/{organisationId}/members/{oid}")] HttpRequest request, string organisationId, string oid) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            await end.ExecuteAsync(caller, organisationId, oid, ct);
            return ApiResults.NoContent();
        });
}
