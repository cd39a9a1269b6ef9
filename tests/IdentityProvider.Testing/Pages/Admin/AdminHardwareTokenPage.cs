namespace IdentityProvider.Testing.Pages.Admin;

/// <summary><c>/admin/hardware-tokens/{serial}</c>: one token, with assign, unassign, disable, enable, lost, resync and delete.</summary>
public sealed class AdminHardwareTokenPage(ProviderPage page) : PageObject(page), IPageObject<AdminHardwareTokenPage>
{
    private const string Prefix = "/admin/hardware-tokens/";

    public static string PathFor(string serial) => Prefix + Uri.EscapeDataString(serial);

    public static bool IsAt(string path) =>
        path.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && path.Count(character => character == '/') == 3
        && !AdminImportTokensPage.IsAt(path) && !AdminRegisterTokenPage.IsAt(path) && !AdminIdentifyTokenPage.IsAt(path);

    public static AdminHardwareTokenPage Create(ProviderPage page) => new(page);

    public static Task<AdminHardwareTokenPage> OpenAsync(ProviderClient client, string serial) => client.OpenAsync<AdminHardwareTokenPage>(PathFor(serial));

    /// <summary>Opens the page for any serial (unknown, or as a non-administrator): the answer as it is.</summary>
    public static Task<ProviderPage> TryOpenAsync(ProviderClient client, string serial) => client.GetAsync(PathFor(serial));

    public string Serial => Page.Document.QuerySelector("#serial")?.TextContent.Trim() ?? "";

    /// <summary>"In stock", "Assigned", "Disabled" or "Lost".</summary>
    public string StatusText => Page.Document.QuerySelector("#status")?.TextContent.Trim() ?? "";

    /// <summary>The holder's e-mail address, or "Nobody".</summary>
    public string HolderText => Page.Document.QuerySelector("#holder")?.TextContent.Trim() ?? "";

    /// <summary>The recovery codes a first device brought, shown this once (empty otherwise).</summary>
    public IReadOnlyList<string> IssuedCodes => RecoveryCodeList.Codes(Page);

    public bool OffersAssign => Page.Document.QuerySelector("form#assign") is not null;

    public bool OffersUnassign => Page.Document.QuerySelector("form#unassign") is not null;

    /// <summary>Whether any of disable, enable, lost, resync or delete is offered (an administrator's view).</summary>
    public bool OffersInventoryActions => Page.Document.QuerySelector("form#disable, form#enable, form#lost, form#resync, form#delete") is not null;

    /// <summary>Posts an action as a hand-made request would, whether or not the page offers it.</summary>
    public Task<ProviderPage> ForgeAsync(AdminHardwareTokenAction action, string? user = null) =>
        AdminForgery.PostAsync(Page, PathFor(Serial), action.ToString(),
            action == AdminHardwareTokenAction.Assign ? new Dictionary<string, string> { ["AssignTo"] = user ?? "" } : null);

    public Task<ProviderPage> AssignAsync(string user) =>
        SubmitAsync(new Dictionary<string, string> { ["AssignTo"] = user }, formSelector: "form#assign");

    public Task<ProviderPage> UnassignAsync() => SubmitAsync(formSelector: "form#unassign");

    public Task<ProviderPage> DisableAsync() => SubmitAsync(formSelector: "form#disable");

    public Task<ProviderPage> EnableAsync() => SubmitAsync(formSelector: "form#enable");

    /// <summary>"Mark as lost", then the confirmation it asks for.</summary>
    public async Task<ProviderPage> MarkLostAsync() => await AdminConfirmStep.ConfirmAsync(await AskToMarkLostAsync());

    /// <summary>"Mark as lost" alone: the page asks to confirm (nothing changes yet).</summary>
    public Task<ProviderPage> AskToMarkLostAsync() => SubmitAsync(formSelector: "form#lost");

    /// <summary>"Delete from the inventory", then the confirmation it asks for.</summary>
    public async Task<ProviderPage> DeleteAsync() => await AdminConfirmStep.ConfirmAsync(await SubmitAsync(formSelector: "form#delete"));

    public Task<ProviderPage> ResyncAsync(string firstCode, string nextCode) =>
        SubmitAsync(new Dictionary<string, string> { ["Code1"] = firstCode, ["Code2"] = nextCode }, formSelector: "form#resync");
}

/// <summary>The actions of <see cref="AdminHardwareTokenPage"/>.</summary>
public enum AdminHardwareTokenAction
{
    Assign,
    Unassign,
    Disable,
    Enable,
    Lost,
    Resync,
    Delete,
}
