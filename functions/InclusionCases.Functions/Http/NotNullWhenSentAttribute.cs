namespace InclusionCases.Functions.Http;

/// <summary>
/// On a request field that may be left out but is refused as <c>null</c> (in a PATCH, left out keeps the
/// value; null would mean "clear", which the field does not allow). The OpenAPI schema leaves null out
/// of its type; the validation refuses it with a 400 naming the field.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class NotNullWhenSentAttribute : Attribute;
