using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ProcedureReference.Storage.Entities;

namespace ProcedureReference.Storage;

/// <summary>
/// The reference database: pages, their sections and similar codes, content facts, and (outside the EF model) the
/// search index. Engine-neutral: each engine's project supplies the provider, its migrations and its search index.
/// </summary>
public sealed class ReferenceDb(DbContextOptions<ReferenceDb> options) : DbContext(options)
{
    public DbSet<Page> Pages => Set<Page>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<ContentInfo> ContentInfo => Set<ContentInfo>();
    public DbSet<SimilarCode> SimilarCodes => Set<SimilarCode>();

    /// <summary>
    /// The settings every engine shares: no change tracking (the content is written in bulk by an import, never
    /// through the context), and no warning about a model snapshot.
    /// </summary>
    public static DbContextOptionsBuilder<ReferenceDb> Configure(DbContextOptionsBuilder<ReferenceDb> builder) =>
        (builder ?? throw new ArgumentNullException(nameof(builder)))
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            // Migrations are written by hand (the EF design-time package does not restore here), so there is
            // no model snapshot; a test checks instead that the migrations build exactly the model's schema.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Page>(page =>
        {
            page.ToTable("pages");
            page.HasIndex(p => p.Code).IsUnique();
            page.HasIndex(p => p.Ordinal);
            page.HasMany(p => p.Sections).WithOne().HasForeignKey(s => s.PageId).OnDelete(DeleteBehavior.Cascade);
            page.HasMany(p => p.SimilarCodes).WithOne().HasForeignKey(s => s.PageId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Section>(section =>
        {
            section.ToTable("sections");
            section.HasIndex(s => new { s.PageId, s.Position });
        });
        modelBuilder.Entity<SimilarCode>(similar =>
        {
            similar.ToTable("similar_codes");
            similar.HasIndex(s => new { s.PageId, s.Position });
        });
        modelBuilder.Entity<ContentInfo>(info =>
        {
            info.ToTable("content_info");
            info.HasKey(i => i.Key);
        });
    }
}
