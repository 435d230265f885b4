using InclusionCases.Domain.Matching;

namespace InclusionCases.UnitTests.Matching;

/// <summary>
/// NISS and BIS check digits, both century rules. The valid numbers' check digits were worked out by
/// hand from the rule (97 − n mod 97, with n prefixed by 2 for births from 2000), not by this code.
/// </summary>
public sealed class NationalNumbersTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Theory]
    [InlineData(IdentifierScheme.Niss, "85073003328", "85073003328")] // born 1985-07-30
    [InlineData(IdentifierScheme.Niss, "85.07.30-033.28", "85073003328")] // as it is printed on the card
    [InlineData(IdentifierScheme.Niss, "850730 033 28", "85073003328")]
    [InlineData(IdentifierScheme.Niss, "93010100186", "93010100186")]
    [InlineData(IdentifierScheme.Niss, "00010100105", "00010100105")] // born 2000-01-01: the 2000s rule
    [InlineData(IdentifierScheme.Niss, "00010100173", "00010100173")] // the same nine digits, born 1900-01-01: the 1900s rule
    [InlineData(IdentifierScheme.Niss, "05061512388", "05061512388")] // born 2005
    [InlineData(IdentifierScheme.Niss, "17022900114", "17022900114")] // born 2017 (not a leap year: the register does not care)
    [InlineData(IdentifierScheme.Bis, "85473003317", "85473003317")] // BIS, gender known: month + 40
    [InlineData(IdentifierScheme.Bis, "85273003371", "85273003371")] // BIS, gender unknown: month + 20
    public void Check_AcceptsValidNumbers_AndGivesTheirDigits(IdentifierScheme scheme, string value, string digits) =>
        Assert.Equal((digits, (IdentifierProblem?)null), NationalNumbers.Check(scheme, value, Today));

    [Theory]
    [InlineData(IdentifierScheme.Niss, "85073003329", IdentifierProblem.CheckDigits)] // one off
    [InlineData(IdentifierScheme.Niss, "85073003357", IdentifierProblem.CheckDigits)] // the 2000s rule, but 2085 is still to come
    [InlineData(IdentifierScheme.Niss, "8507300332", IdentifierProblem.Shape)] // ten digits
    [InlineData(IdentifierScheme.Niss, "850730033280", IdentifierProblem.Shape)]
    [InlineData(IdentifierScheme.Niss, "85O73003328", IdentifierProblem.Shape)] // a letter O
    [InlineData(IdentifierScheme.Niss, "", IdentifierProblem.Shape)]
    [InlineData(IdentifierScheme.Niss, null, IdentifierProblem.Shape)]
    [InlineData(IdentifierScheme.Niss, "٨٥٠٧٣٠٠٣٣٢٨", IdentifierProblem.Shape)] // Arabic-Indic digits are not ASCII digits
    [InlineData(IdentifierScheme.Niss, "85473003317", IdentifierProblem.Date)] // a BIS number given as a NISS
    [InlineData(IdentifierScheme.Bis, "85073003328", IdentifierProblem.Date)] // a NISS given as a BIS
    [InlineData(IdentifierScheme.Niss, "85133003311", IdentifierProblem.Date)] // month 13
    [InlineData(IdentifierScheme.Niss, "85073203304", IdentifierProblem.Date)] // day 32
    public void Check_RefusesWithTheReason(IdentifierScheme scheme, string? value, IdentifierProblem problem) =>
        Assert.Equal(problem, NationalNumbers.Check(scheme, value, Today).Problem);
}
