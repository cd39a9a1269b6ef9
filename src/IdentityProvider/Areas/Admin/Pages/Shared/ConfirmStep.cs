namespace IdentityProvider.Areas.Admin.Pages.Shared;

/// <summary>
/// The one confirmation a destructive action asks for (disable a user, mark a token lost, delete a token): what will
/// happen, and the same handler posted again with <see cref="Field"/> set. A post without it changes nothing.
/// </summary>
/// <param name="Handler">The page handler that acts (<c>Disable</c>).</param>
/// <param name="Id">The section's id (<c>confirm-disable</c>).</param>
/// <param name="Question">"Disable user@example.com?"</param>
/// <param name="Consequence">What will happen, in a sentence or two.</param>
/// <param name="Confirm">The button's words.</param>
/// <param name="CancelHref">Where "Cancel" leads (the page as it was).</param>
public sealed record ConfirmStep(string Handler, string Id, string Question, string Consequence, string Confirm, string CancelHref)
{
    public const string Field = "Confirmed";
}
