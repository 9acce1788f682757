using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SaferPlan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddRefreshTimelines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RefreshTimelines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EditionId = table.Column<int>(type: "INTEGER", nullable: false),
                    PrioritiesDecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    InputOpensOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    InputClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExecutiveDiscussionOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CirculatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CommentDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ApprovalMeetingOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RefreshTimelines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RefreshTimelines_PlanEditions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "PlanEditions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RefreshTimelines_EditionId",
                table: "RefreshTimelines",
                column: "EditionId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RefreshTimelines");
        }
    }
}
