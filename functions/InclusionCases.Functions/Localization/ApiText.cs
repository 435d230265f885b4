using System.Resources;
using InclusionCases.Domain.Text;

namespace InclusionCases.Functions.Localization;

/// <summary>
/// The texts the API answers with beyond the domain's (<see cref="DomainText"/>): problem titles and
/// details, and field messages, in <c>ApiText.resx</c> (English) and its French and Dutch satellites.
/// Each member names one text: a typo in a key is a compile error, and a test checks that every
/// member has its text in every language.
/// </summary>
public static class ApiText
{
    /// <summary>The API's resources.</summary>
    public static MessageCatalog Catalog { get; } = new(new ResourceManager(typeof(ApiText)));

    /// <summary>Authentication required</summary>
    public static Message TitleUnauthorized { get; } = Catalog.Of(nameof(TitleUnauthorized));

    /// <summary>Not allowed</summary>
    public static Message TitleForbidden { get; } = Catalog.Of(nameof(TitleForbidden));

    /// <summary>Not found</summary>
    public static Message TitleNotFound { get; } = Catalog.Of(nameof(TitleNotFound));

    /// <summary>The request is not valid</summary>
    public static Message TitleValidation { get; } = Catalog.Of(nameof(TitleValidation));

    /// <summary>Conflict with the current state</summary>
    public static Message TitleConflict { get; } = Catalog.Of(nameof(TitleConflict));

    /// <summary>The person's data was erased</summary>
    public static Message TitleErased { get; } = Catalog.Of(nameof(TitleErased));

    /// <summary>No consent covers the organisation</summary>
    public static Message TitleConsentRequired { get; } = Catalog.Of(nameof(TitleConsentRequired));

    /// <summary>A request with this Idempotency-Key is still running</summary>
    public static Message TitleIdempotencyKeyInUse { get; } = Catalog.Of(nameof(TitleIdempotencyKeyInUse));

    /// <summary>The Idempotency-Key was used for another request</summary>
    public static Message TitleIdempotencyKeyReused { get; } = Catalog.Of(nameof(TitleIdempotencyKeyReused));

    /// <summary>The resource has changed</summary>
    public static Message TitlePreconditionFailed { get; } = Catalog.Of(nameof(TitlePreconditionFailed));

    /// <summary>If-Match is required</summary>
    public static Message TitlePreconditionRequired { get; } = Catalog.Of(nameof(TitlePreconditionRequired));

    /// <summary>The request body is too large</summary>
    public static Message TitlePayloadTooLarge { get; } = Catalog.Of(nameof(TitlePayloadTooLarge));

    /// <summary>The request body must be JSON</summary>
    public static Message TitleUnsupportedMediaType { get; } = Catalog.Of(nameof(TitleUnsupportedMediaType));

    /// <summary>Storage is unavailable</summary>
    public static Message TitleStorageUnavailable { get; } = Catalog.Of(nameof(TitleStorageUnavailable));

    /// <summary>Unexpected error</summary>
    public static Message TitleUnexpected { get; } = Catalog.Of(nameof(TitleUnexpected));

    /// <summary>Unexpected error.</summary>
    public static Message UnexpectedError { get; } = Catalog.Of(nameof(UnexpectedError));

    /// <summary>The request is not valid; see errors.</summary>
    public static Message RequestInvalid { get; } = Catalog.Of(nameof(RequestInvalid));

    /// <summary>Your role may not do this.</summary>
    public static Message RoleMayNotDoThis { get; } = Catalog.Of(nameof(RoleMayNotDoThis));

    /// <summary>This route takes no request body.</summary>
    public static Message RouteTakesNoBody { get; } = Catalog.Of(nameof(RouteTakesNoBody));

    /// <summary>This route does not take an Idempotency-Key.</summary>
    public static Message RouteTakesNoIdempotencyKey { get; } = Catalog.Of(nameof(RouteTakesNoIdempotencyKey));

    /// <summary>One key of 1 to {0} characters from A-Z, a-z, 0-9, '_' and '-'.</summary>
    public static Message IdempotencyKeyFormat(int maxLength) => Catalog.Of(nameof(IdempotencyKeyFormat), maxLength);

    /// <summary>The request failed unexpectedly. Quote the trace id when reporting it.</summary>
    public static Message UnexpectedFailure { get; } = Catalog.Of(nameof(UnexpectedFailure));

    /// <summary>Storage cannot be reached right now. Nothing was changed; retry later.</summary>
    public static Message StorageUnavailable { get; } = Catalog.Of(nameof(StorageUnavailable));

    /// <summary>This Idempotency-Key was used in the last 24 hours for another request (method, path or body). Use a new key for a new request.</summary>
    public static Message IdempotencyKeyReused { get; } = Catalog.Of(nameof(IdempotencyKeyReused));

    /// <summary>A request with this Idempotency-Key is still being served. Retry it later with the same key to get its answer.</summary>
    public static Message IdempotencyKeyInUse { get; } = Catalog.Of(nameof(IdempotencyKeyInUse));

    /// <summary>This field appears more than once.</summary>
    public static Message FieldAppearsTwice { get; } = Catalog.Of(nameof(FieldAppearsTwice));

    /// <summary>The body is not well-formed JSON ({0})</summary>
    public static Message BodyNotJson(string parserDetail) => Catalog.Of(nameof(BodyNotJson), parserDetail);

    /// <summary>The body must be a JSON object.</summary>
    public static Message BodyMustBeObject { get; } = Catalog.Of(nameof(BodyMustBeObject));

    /// <summary>Send the body as application/json.</summary>
    public static Message SendJson { get; } = Catalog.Of(nameof(SendJson));

    /// <summary>The request body is larger than {0} bytes.</summary>
    public static Message BodyTooLarge(int maxBytes) => Catalog.Of(nameof(BodyTooLarge), maxBytes);

    /// <summary>Unknown or read-only field: it cannot be set by this request.</summary>
    public static Message UnknownOrReadOnlyField { get; } = Catalog.Of(nameof(UnknownOrReadOnlyField));

    /// <summary>Wrong type or unknown value.</summary>
    public static Message WrongType { get; } = Catalog.Of(nameof(WrongType));

    /// <summary>A whole number from 1 to {0}.</summary>
    public static Message LimitRange(int max) => Catalog.Of(nameof(LimitRange), max);

    /// <summary>Not a cursor this API returned.</summary>
    public static Message NotACursor { get; } = Catalog.Of(nameof(NotACursor));

    /// <summary>One of: {0}.</summary>
    public static Message OneOf(string values) => Catalog.Of(nameof(OneOf), values);

    /// <summary>An ISO 8601 time with an offset (2026-11-25T21:00:00Z) or a date (2026-11-25).</summary>
    public static Message TimeOrDate { get; } = Catalog.Of(nameof(TimeOrDate));

    /// <summary>Must be before to.</summary>
    public static Message MustBeBeforeTo { get; } = Catalog.Of(nameof(MustBeBeforeTo));

    /// <summary>A bearer token is required.</summary>
    public static Message BearerTokenRequired { get; } = Catalog.Of(nameof(BearerTokenRequired));

    /// <summary>The Authorization header must carry a bearer token.</summary>
    public static Message AuthorizationHeaderBearer { get; } = Catalog.Of(nameof(AuthorizationHeaderBearer));

    /// <summary>The bearer token must carry one '{0}' claim, a string.</summary>
    public static Message TokenClaimString(string claim) => Catalog.Of(nameof(TokenClaimString), claim);

    /// <summary>The bearer token's '{0}' claim must be a number.</summary>
    public static Message TokenClaimNumber(string claim) => Catalog.Of(nameof(TokenClaimNumber), claim);

    /// <summary>The bearer token is not a JWT.</summary>
    public static Message TokenNotJwt { get; } = Catalog.Of(nameof(TokenNotJwt));

    /// <summary>The bearer token's payload is not a JSON object with distinct claim names.</summary>
    public static Message TokenPayloadDistinctClaims { get; } = Catalog.Of(nameof(TokenPayloadDistinctClaims));

    /// <summary>The bearer token's payload is not a JSON object.</summary>
    public static Message TokenPayloadNotObject { get; } = Catalog.Of(nameof(TokenPayloadNotObject));

    /// <summary>The bearer token has expired.</summary>
    public static Message TokenExpired { get; } = Catalog.Of(nameof(TokenExpired));

    /// <summary>The bearer token is not valid yet.</summary>
    public static Message TokenNotYetValid { get; } = Catalog.Of(nameof(TokenNotYetValid));

    /// <summary>The bearer token was issued for another audience.</summary>
    public static Message TokenAudience { get; } = Catalog.Of(nameof(TokenAudience));

    /// <summary>The bearer token was issued by an issuer this API does not trust.</summary>
    public static Message TokenIssuer { get; } = Catalog.Of(nameof(TokenIssuer));

    /// <summary>The bearer token's signature is not valid.</summary>
    public static Message TokenSignature { get; } = Catalog.Of(nameof(TokenSignature));

    /// <summary>The bearer token is not valid.</summary>
    public static Message TokenInvalid { get; } = Catalog.Of(nameof(TokenInvalid));

    /// <summary>No batch with that id was found.</summary>
    public static Message NotFoundBatch { get; } = Catalog.Of(nameof(NotFoundBatch));

    /// <summary>No person with that id was found.</summary>
    public static Message NotFoundPerson { get; } = Catalog.Of(nameof(NotFoundPerson));

    /// <summary>No case with that id was found.</summary>
    public static Message NotFoundCase { get; } = Catalog.Of(nameof(NotFoundCase));

    /// <summary>No referral with that id was found.</summary>
    public static Message NotFoundReferral { get; } = Catalog.Of(nameof(NotFoundReferral));

    /// <summary>No queue with that id was found.</summary>
    public static Message NotFoundQueue { get; } = Catalog.Of(nameof(NotFoundQueue));

    /// <summary>No poison message with that id was found.</summary>
    public static Message NotFoundPoisonMessage { get; } = Catalog.Of(nameof(NotFoundPoisonMessage));

    /// <summary>No organisation with that id was found.</summary>
    public static Message NotFoundOrganisation { get; } = Catalog.Of(nameof(NotFoundOrganisation));

    /// <summary>No membership with that id was found.</summary>
    public static Message NotFoundMembership { get; } = Catalog.Of(nameof(NotFoundMembership));

    /// <summary>No consent with that id was found.</summary>
    public static Message NotFoundConsent { get; } = Catalog.Of(nameof(NotFoundConsent));

    /// <summary>Your role or organisation may not do this on this person.</summary>
    public static Message ForbiddenOnPerson { get; } = Catalog.Of(nameof(ForbiddenOnPerson));

    /// <summary>Your role or organisation may not do this on this case.</summary>
    public static Message ForbiddenOnCase { get; } = Catalog.Of(nameof(ForbiddenOnCase));

    /// <summary>Your role or organisation may not do this on this referral.</summary>
    public static Message ForbiddenOnReferral { get; } = Catalog.Of(nameof(ForbiddenOnReferral));

    /// <summary>The person's data was erased: nothing more is written about them.</summary>
    public static Message PersonErasedNoWrite { get; } = Catalog.Of(nameof(PersonErasedNoWrite));

    /// <summary>Not a case id.</summary>
    public static Message NotACaseId { get; } = Catalog.Of(nameof(NotACaseId));

    /// <summary>The record was changed by someone else since it was read. Read it again and retry.</summary>
    public static Message RecordChanged { get; } = Catalog.Of(nameof(RecordChanged));

    /// <summary>The record already exists.</summary>
    public static Message RecordExists { get; } = Catalog.Of(nameof(RecordExists));

    /// <summary>Only "me" is supported.</summary>
    public static Message OnlyMe { get; } = Catalog.Of(nameof(OnlyMe));

    /// <summary>Not a valid id.</summary>
    public static Message NotAValidId { get; } = Catalog.Of(nameof(NotAValidId));

    /// <summary>Send If-Match with the ETag of the case as last read.</summary>
    public static Message SendIfMatchCase { get; } = Catalog.Of(nameof(SendIfMatchCase));

    /// <summary>A case always has a status.</summary>
    public static Message CaseAlwaysHasStatus { get; } = Catalog.Of(nameof(CaseAlwaysHasStatus));

    /// <summary>A PIIS needs the day it was signed; send piis: null to remove it.</summary>
    public static Message PiisNeedsSigningDate { get; } = Catalog.Of(nameof(PiisNeedsSigningDate));

    /// <summary>The person cannot be removed from a case.</summary>
    public static Message PersonCannotBeRemoved { get; } = Catalog.Of(nameof(PersonCannotBeRemoved));

    /// <summary>The case has changed since it was read. Read it again and retry.</summary>
    public static Message CaseChanged { get; } = Catalog.Of(nameof(CaseChanged));

    /// <summary>Required: housingFirst or homelessness.</summary>
    public static Message CaseTypeRequired { get; } = Catalog.Of(nameof(CaseTypeRequired));

    /// <summary>Give either person (a new person) or personId (a person already known), not both.</summary>
    public static Message PersonOrPersonId { get; } = Catalog.Of(nameof(PersonOrPersonId));

    /// <summary>Required: shared or organisation.</summary>
    public static Message NoteVisibilityRequired { get; } = Catalog.Of(nameof(NoteVisibilityRequired));

    /// <summary>Partner systems add shared notes only.</summary>
    public static Message PartnersSharedNotesOnly { get; } = Catalog.Of(nameof(PartnersSharedNotesOnly));

    /// <summary>A year from 1900 to {0}.</summary>
    public static Message BirthYearRange(int latest) => Catalog.Of(nameof(BirthYearRange), latest);

    /// <summary>At most {0} languages.</summary>
    public static Message AtMostLanguages(int max) => Catalog.Of(nameof(AtMostLanguages), max);

    /// <summary>Language tags such as "fr", "nl" or "ar-MA".</summary>
    public static Message LanguageTags { get; } = Catalog.Of(nameof(LanguageTags));

    /// <summary>A language tag such as "fr", "nl" or "ar-MA".</summary>
    public static Message LanguageTag { get; } = Catalog.Of(nameof(LanguageTag));

    /// <summary>Each language at most once.</summary>
    public static Message LanguageOnce { get; } = Catalog.Of(nameof(LanguageOnce));

    /// <summary>From 1 to {0} organisation ids.</summary>
    public static Message OrganisationIdsCount(int max) => Catalog.Of(nameof(OrganisationIdsCount), max);

    /// <summary>Organisation ids such as "habitat-asbl".</summary>
    public static Message OrganisationIdsFormat { get; } = Catalog.Of(nameof(OrganisationIdsFormat));

    /// <summary>["case"] or ["case", "sensitive"].</summary>
    public static Message ConsentScopeValues { get; } = Catalog.Of(nameof(ConsentScopeValues));

    /// <summary>A date from today to {0} years ahead.</summary>
    public static Message ExpiresOnRange(int years) => Catalog.Of(nameof(ExpiresOnRange), years);

    /// <summary>Unknown organisation: {0}.</summary>
    public static Message UnknownOrganisations(string ids) => Catalog.Of(nameof(UnknownOrganisations), ids);

    /// <summary>Not a consent id.</summary>
    public static Message NotAConsentId { get; } = Catalog.Of(nameof(NotAConsentId));

    /// <summary>Not an organisation id.</summary>
    public static Message NotAnOrganisationId { get; } = Catalog.Of(nameof(NotAnOrganisationId));

    /// <summary>Unknown organisation.</summary>
    public static Message UnknownOrganisation { get; } = Catalog.Of(nameof(UnknownOrganisation));

    /// <summary>That organisation already takes part in the case.</summary>
    public static Message OrganisationTakesPart { get; } = Catalog.Of(nameof(OrganisationTakesPart));

    /// <summary>A referral of this case to that organisation is already pending.</summary>
    public static Message ReferralPending { get; } = Catalog.Of(nameof(ReferralPending));

    /// <summary>No active consent of the person covers {0}. Record the person's consent first.</summary>
    public static Message ConsentRequired(string organisationId) => Catalog.Of(nameof(ConsentRequired), organisationId);

    /// <summary>Not a referral id.</summary>
    public static Message NotAReferralId { get; } = Catalog.Of(nameof(NotAReferralId));

    /// <summary>Not a task id.</summary>
    public static Message NotATaskId { get; } = Catalog.Of(nameof(NotATaskId));

    /// <summary>No task with that id was found.</summary>
    public static Message NotFoundTask { get; } = Catalog.Of(nameof(NotFoundTask));

    /// <summary>From today to {0} years ahead.</summary>
    public static Message DueOnRange(int years) => Catalog.Of(nameof(DueOnRange), years);

    /// <summary>The case is closed: it takes no new tasks.</summary>
    public static Message CaseClosedNoTask { get; } = Catalog.Of(nameof(CaseClosedNoTask));

    /// <summary>Send If-Match with the task's ETag (from GET /api/tasks/{taskId}), or *.</summary>
    public static Message SendIfMatchTask { get; } = Catalog.Of(nameof(SendIfMatchTask));

    /// <summary>The task was changed since it was read. Read it again and retry.</summary>
    public static Message TaskChanged { get; } = Catalog.Of(nameof(TaskChanged));

    /// <summary>The task is already {0}: a done or cancelled task does not move again.</summary>
    public static Message TaskAlreadyClosed(string status) => Catalog.Of(nameof(TaskAlreadyClosed), status);

    /// <summary>Required: done or cancelled.</summary>
    public static Message TaskStatusDoneOrCancelled { get; } = Catalog.Of(nameof(TaskStatusDoneOrCancelled));

    /// <summary>Only the organisation whose task it is may change it.</summary>
    public static Message TaskOfAnotherOrganisation { get; } = Catalog.Of(nameof(TaskOfAnotherOrganisation));

    /// <summary>Only a CPAS keeps a reference address.</summary>
    public static Message ReferenceAddressCpasOnly { get; } = Catalog.Of(nameof(ReferenceAddressCpasOnly));

    /// <summary>Only the CPAS that keeps the person's reference address records check-ins.</summary>
    public static Message ReferenceAddressOfAnotherCpas { get; } = Catalog.Of(nameof(ReferenceAddressOfAnotherCpas));

    /// <summary>A check-in task is done by recording the check-in (POST …/reference-address/check-ins).</summary>
    public static Message RecordTheCheckIn { get; } = Catalog.Of(nameof(RecordTheCheckIn));

    /// <summary>Another CPAS keeps the person's reference address.</summary>
    public static Message ReferenceAddressKeptElsewhere { get; } = Catalog.Of(nameof(ReferenceAddressKeptElsewhere));

    /// <summary>The person has no reference address: set it first (PUT).</summary>
    public static Message NoReferenceAddress { get; } = Catalog.Of(nameof(NoReferenceAddress));

    /// <summary>This check-in id is already stored for another date.</summary>
    public static Message CheckInIdTaken { get; } = Catalog.Of(nameof(CheckInIdTaken));

    /// <summary>A UUID made by the client for this check-in.</summary>
    public static Message CheckInIdFormat { get; } = Catalog.Of(nameof(CheckInIdFormat));

    /// <summary>Your role or organisation may not do this on this task.</summary>
    public static Message ForbiddenOnTask { get; } = Catalog.Of(nameof(ForbiddenOnTask));

    /// <summary>The referral is {0}; this move is not possible from there.</summary>
    public static Message ReferralCannotMove(string status) => Catalog.Of(nameof(ReferralCannotMove), status);

    /// <summary>Required: what came of the referral.</summary>
    public static Message ReferralOutcomeRequired { get; } = Catalog.Of(nameof(ReferralOutcomeRequired));

    /// <summary>The organisation does not take part in the case.</summary>
    public static Message NotAParticipant { get; } = Catalog.Of(nameof(NotAParticipant));

    /// <summary>Required: incoming or outgoing.</summary>
    public static Message DirectionRequired { get; } = Catalog.Of(nameof(DirectionRequired));

    /// <summary>A Coordinator cannot change their own membership.</summary>
    public static Message CoordinatorOwnMembership { get; } = Catalog.Of(nameof(CoordinatorOwnMembership));

    /// <summary>An object id: letters, digits and dashes, at most {0}.</summary>
    public static Message ObjectIdFormat(int maxLength) => Catalog.Of(nameof(ObjectIdFormat), maxLength);

    /// <summary>Must be in the future.</summary>
    public static Message MustBeFuture { get; } = Catalog.Of(nameof(MustBeFuture));

    /// <summary>This user is a member of another organisation. End that membership first.</summary>
    public static Message MemberElsewhere { get; } = Catalog.Of(nameof(MemberElsewhere));

    /// <summary>Send If-Match with the ETag of the organisation as last read.</summary>
    public static Message SendIfMatchOrganisation { get; } = Catalog.Of(nameof(SendIfMatchOrganisation));

    /// <summary>Cannot be null: leave the field out to keep it.</summary>
    public static Message CannotBeNull { get; } = Catalog.Of(nameof(CannotBeNull));

    /// <summary>The organisation has changed since it was read. Read it again and retry.</summary>
    public static Message OrganisationChanged { get; } = Catalog.Of(nameof(OrganisationChanged));

    /// <summary>Only Coordinators and the organisation's own social workers see its members.</summary>
    public static Message MembersVisibility { get; } = Catalog.Of(nameof(MembersVisibility));

    /// <summary>An organisation with id '{0}' already exists.</summary>
    public static Message OrganisationExists(string id) => Catalog.Of(nameof(OrganisationExists), id);

    /// <summary>2 to {0} lower-case letters, digits and dashes, starting with a letter or digit.</summary>
    public static Message OrganisationIdFormat(int maxLength) => Catalog.Of(nameof(OrganisationIdFormat), maxLength);

    /// <summary>Each offer at most once.</summary>
    public static Message OfferOnce { get; } = Catalog.Of(nameof(OfferOnce));

    /// <summary>The person's data was erased: a contact can no longer name them.</summary>
    public static Message PersonErasedNoContact { get; } = Catalog.Of(nameof(PersonErasedNoContact));

    /// <summary>This contact id is already used by another contact.</summary>
    public static Message ContactIdUsed { get; } = Catalog.Of(nameof(ContactIdUsed));

    /// <summary>From 1 to {0} contacts.</summary>
    public static Message BatchSize(int max) => Catalog.Of(nameof(BatchSize), max);

    /// <summary>Not a batch id.</summary>
    public static Message NotABatchId { get; } = Catalog.Of(nameof(NotABatchId));

    /// <summary>A contact object is required.</summary>
    public static Message ContactObjectRequired { get; } = Catalog.Of(nameof(ContactObjectRequired));

    /// <summary>Unknown field.</summary>
    public static Message UnknownField { get; } = Catalog.Of(nameof(UnknownField));

    /// <summary>The field appears more than once.</summary>
    public static Message FieldAppearsMoreThanOnce { get; } = Catalog.Of(nameof(FieldAppearsMoreThanOnce));

    /// <summary>This contact appears earlier in the batch.</summary>
    public static Message ContactEarlierInBatch { get; } = Catalog.Of(nameof(ContactEarlierInBatch));

    /// <summary>Does not match the contact.</summary>
    public static Message FingerprintMismatch { get; } = Catalog.Of(nameof(FingerprintMismatch));

    /// <summary>The original message does not name its organisation, mediator, batch and chunk: it can only be replayed as it is.</summary>
    public static Message ReplacementUnnamed { get; } = Catalog.Of(nameof(ReplacementUnnamed));

    /// <summary>A contact-intake chunk object is required.</summary>
    public static Message ReplacementChunkRequired { get; } = Catalog.Of(nameof(ReplacementChunkRequired));

    /// <summary>Must be the original message's {0}: a replay cannot change who logged the contacts or which batch they belong to.</summary>
    public static Message ReplacementSameField(string field) => Catalog.Of(nameof(ReplacementSameField), field);

    /// <summary>A list of contacts is required.</summary>
    public static Message ReplacementContactsRequired { get; } = Catalog.Of(nameof(ReplacementContactsRequired));

    /// <summary>Every contact needs its own index in the batch (0 to {0}).</summary>
    public static Message ReplacementContactIndex(int last) => Catalog.Of(nameof(ReplacementContactIndex), last);

    /// <summary>A replacement needs the messageId of the message it repairs.</summary>
    public static Message ReplacementNeedsMessageId { get; } = Catalog.Of(nameof(ReplacementNeedsMessageId));

    /// <summary>Not a user id.</summary>
    public static Message NotAUserId { get; } = Catalog.Of(nameof(NotAUserId));

    /// <summary>Without personId or actorId, a range of at most {0} days.</summary>
    public static Message AuditRange(int days) => Catalog.Of(nameof(AuditRange), days);

    /// <summary>Not a cursor of this query.</summary>
    public static Message NotACursorOfQuery { get; } = Catalog.Of(nameof(NotACursorOfQuery));

    /// <summary>No subscription with that id was found.</summary>
    public static Message NotFoundSubscription { get; } = Catalog.Of(nameof(NotFoundSubscription));

    /// <summary>No delivery of that event was found for this subscription.</summary>
    public static Message NotFoundDelivery { get; } = Catalog.Of(nameof(NotFoundDelivery));

    /// <summary>An absolute URL is required, e.g. https://partner.example/hooks.</summary>
    public static Message WebhookUrlNotAbsolute { get; } = Catalog.Of(nameof(WebhookUrlNotAbsolute));

    /// <summary>The URL must use https.</summary>
    public static Message WebhookUrlNotHttps { get; } = Catalog.Of(nameof(WebhookUrlNotHttps));

    /// <summary>The URL may not hold a user name or password.</summary>
    public static Message WebhookUrlCredentials { get; } = Catalog.Of(nameof(WebhookUrlCredentials));

    /// <summary>The URL's host must resolve to public addresses only (not loopback, private, link-local or reserved).</summary>
    public static Message WebhookUrlNotPublic { get; } = Catalog.Of(nameof(WebhookUrlNotPublic));

    /// <summary>Name at least one event type.</summary>
    public static Message WebhookEventsRequired { get; } = Catalog.Of(nameof(WebhookEventsRequired));

    /// <summary>Not an event type. Known types: {types}.</summary>
    public static Message WebhookEventUnknown(string types) => Catalog.Of(nameof(WebhookEventUnknown), types);

    /// <summary>This event type is named twice.</summary>
    public static Message WebhookEventRepeated { get; } = Catalog.Of(nameof(WebhookEventRepeated));

    /// <summary>Your organisation has {limit} subscriptions already: delete one first.</summary>
    public static Message SubscriptionLimit(int limit) => Catalog.Of(nameof(SubscriptionLimit), limit);

    /// <summary>The subscription is disabled (its receiver answered 410): create a new one.</summary>
    public static Message SubscriptionDisabled { get; } = Catalog.Of(nameof(SubscriptionDisabled));

    /// <summary>This event is already waiting to be sent: wait for it to be delivered or to fail.</summary>
    public static Message DeliveryPending { get; } = Catalog.Of(nameof(DeliveryPending));

    /// <summary>The URL must use the https port, 443.</summary>
    public static Message WebhookUrlPort { get; } = Catalog.Of(nameof(WebhookUrlPort));

    /// <summary>At most {max} event types.</summary>
    public static Message AtMostEvents(int max) => Catalog.Of(nameof(AtMostEvents), max);

    /// <summary>At most {max} identifiers.</summary>
    public static Message AtMostIdentifiers(int max) => Catalog.Of(nameof(AtMostIdentifiers), max);

    /// <summary>The scheme: "niss" or "bis".</summary>
    public static Message IdentifierSchemeRequired { get; } = Catalog.Of(nameof(IdentifierSchemeRequired));

    /// <summary>11 digits (dots, dashes and spaces are ignored).</summary>
    public static Message IdentifierShape { get; } = Catalog.Of(nameof(IdentifierShape));

    /// <summary>The first six digits of a NISS are a birth date (YYMMDD, month 00 to 12).</summary>
    public static Message IdentifierNissDate { get; } = Catalog.Of(nameof(IdentifierNissDate));

    /// <summary>The month of a BIS number is raised by 20 or 40 (20 to 32 or 40 to 52).</summary>
    public static Message IdentifierBisDate { get; } = Catalog.Of(nameof(IdentifierBisDate));

    /// <summary>The check digits do not match the number.</summary>
    public static Message IdentifierCheckDigits { get; } = Catalog.Of(nameof(IdentifierCheckDigits));

    /// <summary>Give at least {min} of displayName, aliases, birthYear, gender, zone and identifiers.</summary>
    public static Message MatchFieldsTooFew(int min) => Catalog.Of(nameof(MatchFieldsTooFew), min);

    /// <summary>At most {limit} match calls an hour; try again after the time in Retry-After.</summary>
    public static Message MatchRateLimited(int limit) => Catalog.Of(nameof(MatchRateLimited), limit);

    /// <summary>At most {max} aliases.</summary>
    public static Message AtMostAliases(int max) => Catalog.Of(nameof(AtMostAliases), max);

    /// <summary>This match request was already answered.</summary>
    public static Message MatchRequestAnswered { get; } = Catalog.Of(nameof(MatchRequestAnswered));


    /// <summary>A record cannot be linked to itself.</summary>
    public static Message LinkToItself { get; } = Catalog.Of(nameof(LinkToItself));

    /// <summary>These two records are already linked.</summary>
    public static Message LinkExists { get; } = Catalog.Of(nameof(LinkExists));


    /// <summary>Too many requests</summary>
    public static Message TitleTooManyRequests { get; } = Catalog.Of(nameof(TitleTooManyRequests));

    /// <summary>No such match request for your organisation.</summary>
    public static Message NotFoundMatchRequest { get; } = Catalog.Of(nameof(NotFoundMatchRequest));

    /// <summary>A case your organisation leads for the matched person.</summary>
    public static Message MatchRequestCaseUnknown { get; } = Catalog.Of(nameof(MatchRequestCaseUnknown));

    /// <summary>Your organisation leads several open cases of the matched person: name one in caseId.</summary>
    public static Message MatchRequestCaseChoose { get; } = Catalog.Of(nameof(MatchRequestCaseChoose));

    /// <summary>In answer to match request {id}.</summary>
    public static Message MatchRequestReferralReason(string id) => Catalog.Of(nameof(MatchRequestReferralReason), id);

    /// <summary>No such link of this person.</summary>
    public static Message NotFoundLink { get; } = Catalog.Of(nameof(NotFoundLink));

    /// <summary>Required: one of casesOpened, housed, retention6, retention12, retention24, personsSeen, personsSeenBeddedDown, contacts.</summary>
    public static Message BreakdownMeasureRequired { get; } = Catalog.Of(nameof(BreakdownMeasureRequired));

    /// <summary>One or two different dimensions, comma-separated, of: gender, ageBand, type, zone, disabilityStatus, residenceStatus.</summary>
    public static Message BreakdownBy { get; } = Catalog.Of(nameof(BreakdownBy));

    /// <summary>{dimension} does not apply to {measure}: cases have a type but no zone, street contacts a zone but no type.</summary>
    public static Message BreakdownDimensionNotForMeasure(string dimension, string measure) => Catalog.Of(nameof(BreakdownDimensionNotForMeasure), dimension, measure);

    /// <summary>The first day of a calendar quarter (2026-01-01, 2026-04-01, 2026-07-01, 2026-10-01) or a quarter (2026-Q1).</summary>
    public static Message QuarterStart { get; } = Catalog.Of(nameof(QuarterStart));

    /// <summary>The last day of a calendar quarter (2026-03-31, 2026-06-30, 2026-09-30, 2026-12-31) or a quarter (2026-Q4).</summary>
    public static Message QuarterEnd { get; } = Catalog.Of(nameof(QuarterEnd));

    /// <summary>From must not be after to, and a breakdown covers at most {quarters} quarters.</summary>
    public static Message BreakdownPeriod(int quarters) => Catalog.Of(nameof(BreakdownPeriod), quarters);

    /// <summary>A quarter from 2000 to next year.</summary>
    public static Message QuarterInRange { get; } = Catalog.Of(nameof(QuarterInRange));

    /// <summary>A date, yyyy-MM-dd.</summary>
    public static Message DateFormat { get; } = Catalog.Of(nameof(DateFormat));

    /// <summary>A time of day on a Brussels clock, HH:mm (23:00).</summary>
    public static Message ClockTime { get; } = Catalog.Of(nameof(ClockTime));

    /// <summary>The window cannot end when it starts; an end at or before the start is on the next day.</summary>
    public static Message NightCountWindow { get; } = Catalog.Of(nameof(NightCountWindow));

    /// <summary>From 1 to {max} zones.</summary>
    public static Message NightCountZones(int max) => Catalog.Of(nameof(NightCountZones), max);

    /// <summary>This zone is already in the list (zones are compared without case or surrounding spaces).</summary>
    public static Message NightCountZoneTwice { get; } = Catalog.Of(nameof(NightCountZoneTwice));

    /// <summary>No such night count.</summary>
    public static Message NotFoundNightCount { get; } = Catalog.Of(nameof(NotFoundNightCount));
}
