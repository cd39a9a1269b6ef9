namespace IdentityProvider.Areas.Admin.Pages.Shared;

/// <summary>
/// The one confirmation a destructive action asks for (disable a user, mark a token lost, delete a token, remove a passkey): what will
/// happen, and the same handler posted again with <see cref="Field"/> set. A post without it changes nothing.
/// </summary>
/// <param name="Handler">The page handler that acts (<c>Disable</c>).</param>
/// <param name="Id">The section's id (<c>confirm-disable</c>).</param>
/// <param name="Question">"Disable user@example.com?"</param>
/// <param name="Consequence">What will happen, in a sentence or two.</param>
/// <param name="Confirm">The button's words.</param>
/// <param name="CancelHref">Where "Cancel" leads (the page as it was).</param>
/// <param name="Fields">What the action needs posted again besides the confirmation (which passkey), by field name.</param>
public sealed record ConfirmStep(
    string Handler, string Id, string Question, string Consequence, string Confirm, string CancelHref, IReadOnlyDictionary<string, string>? Fields = null)
{
    public const string Field = "Confirmed";
}
