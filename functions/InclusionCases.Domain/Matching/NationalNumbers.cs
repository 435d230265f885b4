using System.Globalization;

namespace InclusionCases.Domain.Matching;

/// <summary>
/// NISS and BIS numbers: <c>YYMMDDsssCC</c>, where <c>CC</c> = 97 − (the first nine digits mod 97) for
/// births in the 1900s, and 97 − (2 followed by the nine digits, mod 97) for births from 2000. The
/// century is not written, so a number is valid when either rule gives its check digits, and the
/// 2000s rule only for a year not yet to come. A NISS month is 0 to 12 (0: date unknown); a BIS month
/// is raised by 20 or 40. Dots, dashes and spaces, as numbers are often written (85.07.30-033.28),
/// are ignored.
/// </summary>
public static class NationalNumbers
{
    /// <summary>The 11 digits of <paramref name="value"/>, or the reason it is not a number of <paramref name="scheme"/>, as of <paramref name="today"/>.</summary>
    public static (string? Digits, IdentifierProblem? Problem) Check(IdentifierScheme scheme, string? value, DateOnly today)
    {
        var digits = string.Concat((value ?? string.Empty).Where(c => c is not ('.' or '-' or ' ')));
        if (digits.Length != 11 || !digits.All(char.IsAsciiDigit))
        {
            return (null, IdentifierProblem.Shape);
        }

        var year = Number(digits, 0, 2);
        var month = Number(digits, 2, 2);
        var day = Number(digits, 4, 2);
        var monthOfBirth = scheme == IdentifierScheme.Niss ? month : month - (month >= 40 ? 40 : 20);
        var schemeMonth = scheme == IdentifierScheme.Niss ? month <= 12 : month is >= 20 and <= 32 or >= 40 and <= 52;
        if (!schemeMonth || monthOfBirth is < 0 or > 12 || day > 31)
        {
            return (null, IdentifierProblem.Date);
        }

        var first9 = long.Parse(digits.AsSpan(0, 9), CultureInfo.InvariantCulture);
        var check = Number(digits, 9, 2);
        var in1900s = 97 - (first9 % 97) == check;
        var in2000s = 97 - ((2_000_000_000L + first9) % 97) == check && 2000 + year <= today.Year;
        return in1900s || in2000s ? (digits, null) : (null, IdentifierProblem.CheckDigits);
    }

    private static int Number(string digits, int start, int length) => int.Parse(digits.AsSpan(start, length), CultureInfo.InvariantCulture);
}
