using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SaferPlan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class KeepOutcomesWithCrimeCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // CrimeCounts is rebuilt by hand rather than given a column: it becomes a WITHOUT ROWID table, clustered on
            // its key, so an import writes two B-trees per row rather than three (the rowid table, the key, the area
            // index). EF Core cannot declare WITHOUT ROWID; a later migration that makes EF rebuild this table would drop
            // it, costing only import speed. The outcome counts move into the count rows as "outcome:count" tallies.
            migrationBuilder.Sql("""
                CREATE TABLE "ef_temp_CrimeCounts" (
                    "ForceId" INTEGER NOT NULL,
                    "Month" INTEGER NOT NULL,
                    "LsoaId" INTEGER NOT NULL,
                    "CrimeTypeId" INTEGER NOT NULL,
                    "Count" INTEGER NOT NULL,
                    "Outcomes" TEXT NULL,
                    CONSTRAINT "PK_CrimeCounts" PRIMARY KEY ("ForceId", "Month", "LsoaId", "CrimeTypeId")
                ) WITHOUT ROWID;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ef_temp_CrimeCounts" ("ForceId", "Month", "LsoaId", "CrimeTypeId", "Count", "Outcomes")
                SELECT c."ForceId", c."Month", c."LsoaId", c."CrimeTypeId", c."Count",
                    (SELECT group_concat(o."OutcomeId" || ':' || o."Count", ',')
                     FROM "CrimeOutcomeCounts" AS o
                     WHERE o."ForceId" = c."ForceId" AND o."Month" = c."Month" AND o."LsoaId" = c."LsoaId"
                         AND o."CrimeTypeId" = c."CrimeTypeId" AND o."OutcomeId" <> 0)
                FROM "CrimeCounts" AS c;
                """);
            migrationBuilder.DropTable(name: "CrimeCounts");
            migrationBuilder.DropTable(name: "CrimeOutcomeCounts");
            migrationBuilder.Sql("""ALTER TABLE "ef_temp_CrimeCounts" RENAME TO "CrimeCounts";""");
            migrationBuilder.CreateIndex(
                name: "IX_CrimeCounts_LsoaId_Month_CrimeTypeId",
                table: "CrimeCounts",
                columns: new[] { "LsoaId", "Month", "CrimeTypeId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Outcomes",
                table: "CrimeCounts");

            migrationBuilder.CreateTable(
                name: "CrimeOutcomeCounts",
                columns: table => new
                {
                    ForceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    LsoaId = table.Column<int>(type: "INTEGER", nullable: false),
                    CrimeTypeId = table.Column<short>(type: "INTEGER", nullable: false),
                    OutcomeId = table.Column<short>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrimeOutcomeCounts", x => new { x.ForceId, x.Month, x.LsoaId, x.CrimeTypeId, x.OutcomeId });
                });
        }
    }
}
