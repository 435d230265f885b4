using InclusionCases.Domain.Contacts;
using InclusionCases.Domain.Text;
using InclusionCases.Functions.Http;

namespace InclusionCases.UnitTests.Text;

public sealed class FreeTextTests
{
    [Theory]
    [InlineData("Line one\nline two")]
    [InlineData("Line one\r\nline two")]
    [InlineData("Column\tcolumn")]
    [InlineData("Ends with a break\n")]
    public void MultiLine_LineBreaksAndTabs_AreAllowed(string text)
    {
        Assert.Empty(FreeText.Problems(text, 100, multiLine: true));
    }

    [Theory]
    [InlineData("bell\u0007")]
    [InlineData("nul\u0000")]
    [InlineData("lone carriage return\rthen text")]
    [InlineData("ends with a carriage return\r")]
    [InlineData("escape\u001b[31m")]
    [InlineData("delete\u007f")]
    [InlineData("c1 control\u0085")]
    public void MultiLine_OtherControlCharacters_AreRefused(string text)
    {
        Assert.Equal([FreeText.ControlCharacters], FreeText.Problems(text, 100, multiLine: true));
    }

    [Theory]
    [InlineData("Jo\n")]
    [InlineData("Jo\r\nDoe")]
    [InlineData("Jo\tDoe")]
    [InlineData("Jo\u0000")]
    public void SingleLine_AnyControlCharacter_IsRefused(string text)
    {
        Assert.Equal([FreeText.SingleLineControlCharacters], FreeText.Problems(text, 100, multiLine: false));
    }

    [Fact]
    public void Problems_TooLong_NamesTheLimit()
    {
        Assert.Equal(["At most 3 characters."], FreeText.Problems("abcd", 3, multiLine: false).Select(problem => problem.English()));
    }

    [Fact]
    public void Required_MultiLineText_IsAcceptedInOneCall()
    {
        var errors = new FieldErrors();

        errors.Required("text", "Visited today.\r\nNext visit on Monday.\n\tBring the forms.", FieldErrors.MaxNoteLength, allowLineBreaks: true);

        Assert.False(errors.Any);
    }

    [Fact]
    public void Required_SingleLineText_RefusesALineBreak()
    {
        var errors = new FieldErrors();

        errors.Required("displayName", "Jo\nDoe", FieldErrors.MaxNameLength);

        Assert.True(errors.Any);
    }

    [Fact]
    public void StreetContactRules_UseTheSameRule_NotesMultiLineAndZoneSingleLine()
    {
        var now = new DateTimeOffset(2026, 11, 25, 21, 4, 0, TimeSpan.Zero);
        var draft = new StreetContactDraft(
            Guid.NewGuid().ToString("D"), now.AddHours(-1), "Flagey\n", null, null, false, null, "Jo", [], [], "Slept at the station.\r\nAsked for a blanket.", null, null);

        var (contact, errors) = StreetContactRules.Check(draft, now);

        Assert.Null(contact);
        Assert.Equal(["zone"], errors.Keys);
        Assert.Equal([FreeText.SingleLineControlCharacters], errors["zone"]);
    }
}
