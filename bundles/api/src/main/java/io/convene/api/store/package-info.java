/**
 * The store's value model: MAPI property tags, types and values, named properties, and the
 * Exchange-shaped identifiers of folders, messages and changes.
 *
 * <p>Everything an item holds is a property bag keyed by {@link io.convene.api.store.PropTag}
 * (16-bit id + 16-bit {@link io.convene.api.store.PropType}, MS-OXCDATA 2.9 and 2.11.1) with
 * typed {@link io.convene.api.store.PropValue}s. Named properties ({@link
 * io.convene.api.store.NamedProperty}, MS-OXCDATA 2.6.1) are mapped per mailbox to ids {@code
 * 0x8000}-{@code 0xFFFE}. Folder and message ids and change numbers are a 16-bit replica id plus a
 * 48-bit {@link io.convene.api.store.GlobalCounter} (MS-OXCDATA 2.2.1, MS-OXCFXICS 2.2.2); change
 * keys and predecessor change lists are built from {@link io.convene.api.store.Xid}s (MS-OXCFXICS
 * 2.2.2.2, 2.2.2.3).
 *
 * <p>Since 1.1: messages embedded in attachments ({@link io.convene.api.store.EmbeddedMessage},
 * addressed by {@link io.convene.api.store.AttachmentPath}, MS-OXCMSG 2.2.2.9), copying items, folder
 * properties, Folder EntryIDs ({@link io.convene.api.store.FolderEntryId}, MS-OXCDATA 2.2.4.1) and
 * the anonymous {@link io.convene.api.store.Caller}.
 *
 * <p>Since 1.2: receive folders ({@link io.convene.api.store.ReceiveFolder}, MS-OXCSTOR 3.2.5.2-3.2.5.4),
 * deleting folders ({@link io.convene.api.store.FolderDeletion}, MS-OXCFOLD 3.2.5.3) with hierarchy
 * tombstones, writable folder and mailbox properties, the list of named-property mappings;
 * folder-associated items ({@link io.convene.api.store.Contents}, MS-OXCMSG 2.2.1.2),
 * search folders and their {@link io.convene.api.store.SearchCriteria} (MS-OXCFOLD 2.2.1.4),
 * hierarchy tables with restriction and sort ({@link io.convene.api.store.HierarchyRow}) and Message
 * EntryIDs ({@link io.convene.api.store.MessageEntryId}, MS-OXCDATA 2.2.4.2).
 *
 * <p>Since 1.3: {@link io.convene.api.store.Mailbox#rights} (the caller's own effective rights on a
 * folder, readable without FolderOwner).
 *
 * <p>Since 1.5: calendar range queries that name the properties they need ({@link
 * io.convene.api.store.Mailbox#calendarItems(FolderId, java.time.Instant, java.time.Instant,
 * java.util.Set)}).
 *
 * <p>Thread-safety: every type in this package is an immutable value, safe to share between
 * threads. Parsing a value from bytes or codes that come from outside throws {@link
 * io.convene.api.store.StoreValueFormatException}.
 */
@Export
@Version("1.5.0")
package io.convene.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
