using System.ComponentModel.DataAnnotations;

namespace InclusionCases.Functions.Contacts.Contracts;

/// <summary>Where the contact took place; stored rounded to about 100 m.</summary>
public sealed record LocationInput([property: Required, Range(-90, 90)] double? Lat, [property: Required, Range(-180, 180)] double? Lon);
