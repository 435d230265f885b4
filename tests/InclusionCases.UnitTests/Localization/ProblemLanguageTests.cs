using InclusionCases.Domain.Text;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using Microsoft.AspNetCore.Http;

namespace InclusionCases.UnitTests.Localization;

/// <summary>The problem writer renders every text in the request's language and changes nothing else.</summary>
public sealed class ProblemLanguageTests
{
    [Theory]
    [InlineData("nl-BE", "nl", "Het verzoek is niet geldig", "Het verzoek is niet geldig; zie errors.", "Maximaal 200 tekens.")]
    [InlineData("fr-BE;q=0.9, en;q=0.2", "fr", "La requête n'est pas valide", "La requête n'est pas valide ; voir errors.", "200 caractères au maximum.")]
    [InlineData(null, "en", "The request is not valid", "The request is not valid; see errors.", "At most 200 characters.")]
    public void Problem_RendersTitleDetailAndFieldMessages_InTheRequestsLanguage(string? acceptLanguage, string language, string title, string detail, string fieldMessage)
    {
        var context = new DefaultHttpContext();
        if (acceptLanguage is not null)
        {
            context.Request.Headers.AcceptLanguage = acceptLanguage;
        }

        var errors = new Dictionary<string, Message[]> { ["person.displayName"] = [DomainText.AtMostCharacters(200)] };
        var result = ApiResults.Problem(context, ApiProblemException.Invalid(errors));

        var problem = Assert.IsType<Problem>(result.Body);
        Assert.Equal(language, result.Headers["Content-Language"]);
        Assert.Equal(ProblemTypes.Validation.Uri, problem.Type);
        Assert.Equal(title, problem.Title);
        Assert.Equal(detail, problem.Detail);
        Assert.Equal(["person.displayName"], problem.Errors!.Keys);
        Assert.Equal([fieldMessage], problem.Errors["person.displayName"]);
    }

    [Fact]
    public void ApiProblemException_Message_IsTheEnglishDetail_ForLogs()
    {
        var problem = ApiProblemException.NotFound(ApiText.NotFoundCase);

        Assert.Equal("No case with that id was found.", problem.Message);
    }
}
