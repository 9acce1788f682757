namespace SaferPlan.Core.Documents;

/// <summary>The two forms every document is made in, as HTTP names them: a Word document and a self-contained web page.</summary>
public static class DocumentMediaTypes
{
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public const string Html = "text/html; charset=utf-8";
}
