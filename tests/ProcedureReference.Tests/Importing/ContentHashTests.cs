using System.Security.Cryptography;
using System.Text;
using ProcedureReference.Importing;

namespace ProcedureReference.Tests.Importing;

/// <summary>The fingerprint is hashed line by line; it must stay the hash of the whole text, or every live version would look changed.</summary>
public sealed class ContentHashTests
{
    [Fact]
    public void The_fingerprint_is_the_hash_of_the_whole_text_of_codes_and_similar_hashes()
    {
        var similar = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < 5000; i++) similar[$"{i * 7919 % 100000:D5}"] = Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes(i)));
        similar["Zé𝄞"] = "ünïcode";
        const string Glossary = """[{"term":"abdomen","definition":"the belly — é 𝄞"}]""";

        var text = new StringBuilder("content\n").Append("glossary").Append('\u001F').Append(Glossary).Append('\n');
        foreach (var (code, hash) in similar.OrderBy(p => p.Key, StringComparer.Ordinal)) text.Append(code).Append('\u001F').Append(hash).Append('\n');
        var whole = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));

        Assert.Equal(whole, ContentHash.Fingerprint("content", similar, Glossary));
        Assert.NotEqual(whole, ContentHash.Fingerprint("content", similar));
    }
}
