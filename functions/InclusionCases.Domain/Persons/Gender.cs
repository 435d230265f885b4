namespace InclusionCases.Domain.Persons;

/// <summary>Gender as the person states it.</summary>
public enum Gender
{
    Female,
    Male,
    NonBinary,
    Undisclosed,
}
