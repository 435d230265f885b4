using InclusionCases.Domain.Text;

namespace InclusionCases.Domain.Contacts;

/// <summary>
/// Checks a street contact and turns it into what is stored: the id normalised, text trimmed, the
/// location rounded. Returns every problem, field by field, so one answer tells the phone all that
/// is wrong with a contact.
/// </summary>
public static class StreetContactRules
{
    public const int MaxZoneLength = 100;
    public const int MaxAliasLength = 200;
    public const int MaxNotesLength = 10_000;
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(365);

    /// <summary>
    /// How much younger than <see cref="MaxAge"/> a batch's contacts must be when accepted: a batch is
    /// stored later, from a queue, where it is checked again with <see cref="MaxAge"/>. A day covers
    /// queue backlogs and the trigger's retries; a contact that still ages out (a poison message
    /// replayed days later) is rejected at intake and shown in the batch status.
    /// </summary>
    public static readonly TimeSpan BatchAcceptanceMargin = TimeSpan.FromDays(1);

    /// <summary>The age limit when a batch is accepted: <see cref="MaxAge"/> minus <see cref="BatchAcceptanceMargin"/>.</summary>
    public static readonly TimeSpan BatchMaxAge = MaxAge - BatchAcceptanceMargin;

    /// <summary>Checks a contact observed at most <see cref="MaxAge"/> ago.</summary>
    public static (StreetContact? Contact, IReadOnlyDictionary<string, Message[]> Errors) Check(StreetContactDraft draft, DateTimeOffset now) => Check(draft, now, MaxAge);

    /// <summary>Checks a contact observed at most <paramref name="maxAge"/> ago (see <see cref="BatchMaxAge"/>).</summary>
    public static (StreetContact? Contact, IReadOnlyDictionary<string, Message[]> Errors) Check(StreetContactDraft draft, DateTimeOffset now, TimeSpan maxAge)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new Dictionary<string, List<Message>>();
        void Add(string field, Message message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        if (!Guid.TryParseExact(draft.Id ?? string.Empty, "D", out var id))
        {
            Add("id", DomainText.ContactIdRequired);
        }

        if (draft.ObservedAt is not { } observedAt)
        {
            Add("observedAt", DomainText.ObservedAtRequired);
        }
        else if (observedAt > now + ClockSkew || observedAt < now - maxAge)
        {
            Add("observedAt", maxAge == MaxAge
                ? DomainText.ObservedAtPastYear
                : DomainText.ObservedAtPastDays((int)maxAge.TotalDays));
        }

        CheckText(draft.Zone, "zone", MaxZoneLength, required: true, Add);
        CheckText(draft.Alias, "alias", MaxAliasLength, required: false, Add);
        CheckText(draft.Notes, "notes", MaxNotesLength, required: false, Add, allowLineBreaks: true);
        if (draft.HasLocation && (draft.Lat is not (>= -90 and <= 90) || draft.Lon is not (>= -180 and <= 180)))
        {
            Add("location", DomainText.LocationRange);
        }

        if (draft.PersonId is not null && !Persons.PersonIds.IsValid(draft.PersonId))
        {
            Add("personId", DomainText.NotAPersonId);
        }

        if (draft.Needs is null)
        {
            Add("needs", DomainText.RequiredMayBeEmpty);
        }

        if (draft.ServicesOffered is null)
        {
            Add("servicesOffered", DomainText.RequiredMayBeEmpty);
        }

        if (errors.Count > 0)
        {
            return (null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }

        var contact = new StreetContact(
            id.ToString("D"),
            draft.ObservedAt!.Value.ToUniversalTime(),
            draft.Zone!.Trim(),
            draft.HasLocation ? LocationRounding.Round(draft.Lat!.Value, draft.Lon!.Value) : null,
            draft.PersonId,
            string.IsNullOrWhiteSpace(draft.Alias) ? null : draft.Alias.Trim(),
            [.. draft.Needs!.Distinct().Order()],
            [.. draft.ServicesOffered!.Distinct().Order()],
            string.IsNullOrWhiteSpace(draft.Notes) ? null : draft.Notes,
            draft.BeddedDown ?? false,
            draft.FollowUp ?? false);
        return (contact, new Dictionary<string, Message[]>());
    }

    private static void CheckText(string? value, string field, int maxLength, bool required, Action<string, Message> add, bool allowLineBreaks = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                add(field, DomainText.Required);
            }

            return;
        }

        foreach (var problem in FreeText.Problems(value, maxLength, allowLineBreaks))
        {
            add(field, problem);
        }
    }
}
