using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ProcedureReference.Web.Admin;

/// <summary>The one-line outcome an admin page shows after a post-redirect-get, kept in TempData.</summary>
public static class AdminMessage
{
    public const string Text = "Message";
    public const string IsError = "MessageIsError";

    public static void Show(ITempDataDictionary tempData, bool succeeded, string message)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        tempData[Text] = message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..];
        tempData[IsError] = !succeeded;
    }
}
