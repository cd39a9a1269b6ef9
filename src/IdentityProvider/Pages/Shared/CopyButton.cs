namespace IdentityProvider.Pages.Shared;

/// <summary>
/// A button that copies a field's value (<c>wwwroot/js/copy.js</c>), said in the reader's language; with
/// <see cref="DoneAddress"/>, a successful copy goes on to that page (a token's dialog returns to the list).
/// </summary>
public sealed record CopyButton(string Id, string Target, string Label, string? DoneAddress = null);
