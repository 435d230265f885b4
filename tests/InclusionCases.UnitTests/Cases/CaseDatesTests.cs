using InclusionCases.Domain.Cases;
using InclusionCases.Functions.Cases;
using InclusionCases.Functions.Cases.Contracts;
using InclusionCases.Functions.Http;

namespace InclusionCases.UnitTests.Cases;

public sealed class CaseDatesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 21, 4, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("1999-12-31")]
    [InlineData("2027-11-26")]
    [InlineData("9999-12-31")]
    public void Validate_ImplausibleMoveIn_NamesIt(string date)
    {
        var errors = Validate(new UpdateCaseRequest(null, null, new HousingInput(DateOnly.Parse(date), null), null, null));

        Assert.Equal(["housing.moveInDate"], errors?.Errors?.Keys);
    }

    [Fact]
    public void Validate_MoveInPlannedNextMonth_IsFine()
    {
        Assert.Null(Validate(new UpdateCaseRequest(null, null, new HousingInput(new DateOnly(2026, 12, 20), null), null, null)));
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("2026-11-27")]
    [InlineData("9999-12-31")]
    public void Validate_ClosureBefore2000OrInTheFuture_NamesIt(string date)
    {
        var errors = Validate(new UpdateCaseRequest(CaseStatus.Closed, null, null, new ClosureInput(ClosureReason.Housed, DateOnly.Parse(date)), null));

        Assert.Equal(["closure.date"], errors?.Errors?.Keys);
    }

    [Theory]
    [InlineData("2026-11-09", false)]
    [InlineData("2026-11-10", true)]
    [InlineData("2026-11-25", true)]
    public void ThrowIfClosedBeforeOpened_ClosureBeforeTheDayTheCaseWasOpened_Is400(string date, bool fine)
    {
        var opened = new CaseFile("c", "p", CaseType.HousingFirst, CaseStatus.Active, "ixelles-cpas", [], null, null, null, null, new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero), Now, 2);
        var request = new UpdateCaseRequest(CaseStatus.Closed, null, null, new ClosureInput(ClosureReason.Housed, DateOnly.Parse(date)), null);

        var error = Record.Exception(() => CaseDates.ThrowIfClosedBeforeOpened(request, opened, Now));

        Assert.Equal(fine, error is null);
        if (!fine)
        {
            Assert.Equal(["closure.date"], Assert.IsType<ApiProblemException>(error).Errors!.Keys);
        }
    }

    private static ApiProblemException? Validate(UpdateCaseRequest request)
    {
        var errors = new FieldErrors();
        CaseDates.Validate(errors, request, Now);
        return Record.Exception(errors.ThrowIfAny) as ApiProblemException;
    }
}
