using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SaferPlan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ActionUpdates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ActionUpdateId",
                table: "MilestoneUpdates",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActionUpdates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionUpdates_Actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MilestoneUpdates_ActionUpdateId",
                table: "MilestoneUpdates",
                column: "ActionUpdateId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionUpdates_ActionId_Period",
                table: "ActionUpdates",
                columns: new[] { "ActionId", "Period" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_MilestoneUpdates_ActionUpdates_ActionUpdateId",
                table: "MilestoneUpdates",
                column: "ActionUpdateId",
                principalTable: "ActionUpdates",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_MilestoneUpdates_ActionUpdates_ActionUpdateId",
                table: "MilestoneUpdates");

            migrationBuilder.DropTable(
                name: "ActionUpdates");

            migrationBuilder.DropIndex(
                name: "IX_MilestoneUpdates_ActionUpdateId",
                table: "MilestoneUpdates");

            migrationBuilder.DropColumn(
                name: "ActionUpdateId",
                table: "MilestoneUpdates");
        }
    }
}
