using System.Resources;

namespace InclusionCases.Domain.Text;

/// <summary>
/// The texts the domain's rules answer with, in <c>DomainText.resx</c> (English) and its French and
/// Dutch satellites. Each member names one text: a typo in a key is a compile error, and a test
/// checks that every member has its text in every language.
/// </summary>
public static class DomainText
{
    /// <summary>The domain's resources.</summary>
    public static MessageCatalog Catalog { get; } = new(new ResourceManager(typeof(DomainText)));

    /// <summary>Required.</summary>
    public static Message Required { get; } = Catalog.Of(nameof(Required));

    /// <summary>Required (may be empty).</summary>
    public static Message RequiredMayBeEmpty { get; } = Catalog.Of(nameof(RequiredMayBeEmpty));

    /// <summary>At most {0} characters.</summary>
    public static Message AtMostCharacters(int maxLength) => Catalog.Of(nameof(AtMostCharacters), maxLength);

    /// <summary>Control characters are not allowed.</summary>
    public static Message ControlCharacters { get; } = Catalog.Of(nameof(ControlCharacters));

    /// <summary>Line breaks, tabs and other control characters are not allowed.</summary>
    public static Message SingleLineControlCharacters { get; } = Catalog.Of(nameof(SingleLineControlCharacters));

    /// <summary>Required: the contact's UUID, made on the phone (e.g. 3f2b8c1e-…).</summary>
    public static Message ContactIdRequired { get; } = Catalog.Of(nameof(ContactIdRequired));

    /// <summary>Required: when the contact took place (ISO 8601, UTC).</summary>
    public static Message ObservedAtRequired { get; } = Catalog.Of(nameof(ObservedAtRequired));

    /// <summary>Must be in the past year, not in the future.</summary>
    public static Message ObservedAtPastYear { get; } = Catalog.Of(nameof(ObservedAtPastYear));

    /// <summary>Must be in the past {0} days (a batch is stored later), not in the future.</summary>
    public static Message ObservedAtPastDays(int days) => Catalog.Of(nameof(ObservedAtPastDays), days);

    /// <summary>lat from -90 to 90 and lon from -180 to 180.</summary>
    public static Message LocationRange { get; } = Catalog.Of(nameof(LocationRange));

    /// <summary>Not a person id.</summary>
    public static Message NotAPersonId { get; } = Catalog.Of(nameof(NotAPersonId));

    /// <summary>A case cannot move from {0} to {1}.</summary>
    public static Message CaseCannotMove(string from, string to) => Catalog.Of(nameof(CaseCannotMove), from, to);

    /// <summary>Moving a case to housed needs housing.moveInDate.</summary>
    public static Message HousedNeedsMoveInDate { get; } = Catalog.Of(nameof(HousedNeedsMoveInDate));

    /// <summary>Closing a case needs closure.reason.</summary>
    public static Message ClosingNeedsReason { get; } = Catalog.Of(nameof(ClosingNeedsReason));

    /// <summary>The caller is not a member of any organisation.</summary>
    public static Message NotAMember { get; } = Catalog.Of(nameof(NotAMember));

    /// <summary>The caller's membership has ended.</summary>
    public static Message MembershipEnded { get; } = Catalog.Of(nameof(MembershipEnded));

    /// <summary>The caller's token carries no application role.</summary>
    public static Message NoApplicationRole { get; } = Catalog.Of(nameof(NoApplicationRole));

    /// <summary>A date from {0} to {1}.</summary>
    public static Message DateRange(string from, string to) => Catalog.Of(nameof(DateRange), from, to);

    /// <summary>A date from {0} to today ({1}).</summary>
    public static Message PastDateRange(string from, string today) => Catalog.Of(nameof(PastDateRange), from, today);

    /// <summary>A time from {0}T00:00:00Z to a year from now.</summary>
    public static Message TimeRange(string earliest) => Catalog.Of(nameof(TimeRange), earliest);

    /// <summary>A check-in cannot be in the future.</summary>
    public static Message CheckInInFuture { get; } = Catalog.Of(nameof(CheckInInFuture));

    /// <summary>A check-in cannot be before the reference address began (since).</summary>
    public static Message CheckInBeforeSince { get; } = Catalog.Of(nameof(CheckInBeforeSince));

    /// <summary>A check-in cannot be before the last check-in.</summary>
    public static Message CheckInBeforeLast { get; } = Catalog.Of(nameof(CheckInBeforeLast));

    /// <summary>The reference address cannot begin in the future.</summary>
    public static Message SinceInFuture { get; } = Catalog.Of(nameof(SinceInFuture));
}
