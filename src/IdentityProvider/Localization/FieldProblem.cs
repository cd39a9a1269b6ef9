namespace IdentityProvider.Localization;

/// <summary>
/// What is wrong with one field of a form or an API request: the field (the input's property name, "" for the whole
/// request) and what the reader is told.
/// </summary>
public sealed record FieldProblem(string Field, Sentence Message);
