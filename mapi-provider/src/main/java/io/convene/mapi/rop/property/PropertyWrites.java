package io.convene.mapi.rop.property;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import io.convene.mapi.rop.ErrorCodes;
import io.convene.mapi.rop.RopCall;
import io.convene.mapi.rop.RopException;
import io.convene.mapi.rop.data.PropertyProblem;
import io.convene.mapi.rop.data.TaggedPropertyValue;
import io.convene.mapi.rop.objects.FolderObject;
import io.convene.mapi.rop.objects.MailboxLogon;
import io.convene.mapi.rop.objects.MessageObject;
import io.convene.mapi.rop.property.PropertyRequests.DeletePropertiesRequest;
import io.convene.mapi.rop.property.PropertyRequests.SetPropertiesRequest;
import io.convene.mapi.rop.store.StoreErrors;
import io.convene.mapi.rop.store.StoreProperties;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * RopSetProperties, RopSetPropertiesNoReplicate, RopDeleteProperties and
 * RopDeletePropertiesNoReplicate (MS-OXCPRPT 3.2.5.5 to 3.2.5.8). On Folder and Logon objects
 * they are written to the store at once as one change; on a Message object they are buffered in
 * it until RopSaveChangesMessage, and a message opened read-only answers ecAccessDenied. Private
 * mailboxes have one replica, so the NoReplicate forms do the same. What the store maintains or
 * the protocol computes is answered per property (ecComputed) and the rest still written.
 */
final class PropertyWrites {

  /** ecComputed: the property is computed or maintained by the server (MS-OXCDATA 2.4). */
  static final int COMPUTED = 0x8004011A;

  private PropertyWrites() {}

  static void set(SetPropertiesRequest request, RopCall call) throws RopException {
    Object target = call.inputObject();
    List<PropertyProblem> problems = new ArrayList<>();
    List<PropValue> values = new ArrayList<>();
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < request.values().size(); i++) {
      TaggedPropertyValue value = request.values().get(i);
      try {
        values.add(value.toPropValue());
        indexes.add(i);
      } catch (IllegalArgumentException e) {
        problems.add(new PropertyProblem(i, value.tag(), ErrorCodes.INVALID_PARAMETER));
      }
    }
    Map<PropTag, StoreError> refused = write(target, values, List.of());
    for (int i = 0; i < values.size(); i++) {
      StoreError error = refused.get(values.get(i).tag());
      if (error != null) {
        problems.add(new PropertyProblem(indexes.get(i), values.get(i).tag().tag(), code(error)));
      }
    }
    answer(call, request.header().ropId(), request.header().inputHandleIndex(), problems);
  }

  static void delete(DeletePropertiesRequest request, RopCall call) throws RopException {
    Object target = call.inputObject();
    List<PropTag> tags = new ArrayList<>();
    List<PropertyProblem> problems = new ArrayList<>();
    for (int i = 0; i < request.tags().length; i++) {
      try {
        tags.add(PropTag.of(request.tags()[i]));
      } catch (IllegalArgumentException e) {
        problems.add(new PropertyProblem(i, request.tags()[i], ErrorCodes.INVALID_PARAMETER));
      }
    }
    Map<PropTag, StoreError> refused = write(target, List.of(), tags);
    for (int i = 0; i < request.tags().length; i++) {
      int tag = request.tags()[i];
      refused.entrySet().stream().filter(entry -> entry.getKey().tag() == tag).findFirst()
          .ifPresent(entry -> problems.add(new PropertyProblem(indexOf(request.tags(), tag), tag, code(entry.getValue()))));
    }
    answer(call, request.header().ropId(), request.header().inputHandleIndex(), problems);
  }

  private static int indexOf(int[] tags, int tag) {
    for (int i = 0; i < tags.length; i++) {
      if (tags[i] == tag) {
        return i;
      }
    }
    return -1;
  }

  private static Map<PropTag, StoreError> write(Object target, Collection<PropValue> set, Collection<PropTag> remove)
      throws RopException {
    try {
      if (target instanceof FolderObject folder) {
        return folder.logon().mailbox().setFolderProperties(folder.id(), set, remove);
      }
      if (target instanceof MailboxLogon logon) {
        return logonWrite(logon, set, remove);
      }
      if (target instanceof MessageObject message) {
        if (!message.writable()) {
          throw new RopException(StoreErrors.ACCESS_DENIED, "message " + message.id() + " is open read-only");
        }
        return message.stage(set, remove);
      }
    } catch (StoreException e) {
      throw StoreErrors.of(e);
    }
    throw new RopException(ErrorCodes.NOT_SUPPORTED, "property writes on a " + target.getClass().getSimpleName());
  }

  /** The logon's computed properties (StoreProperties) are refused; the rest is the mailbox's bag. */
  private static Map<PropTag, StoreError> logonWrite(MailboxLogon logon, Collection<PropValue> set,
      Collection<PropTag> remove) throws StoreException {
    Map<PropTag, StoreError> refused = new java.util.LinkedHashMap<>();
    List<PropValue> kept = new ArrayList<>();
    for (PropValue value : set) {
      if (StoreProperties.isComputed(value.tag().id())) {
        refused.put(value.tag(), StoreError.COMPUTED);
      } else {
        kept.add(value);
      }
    }
    List<PropTag> removed = new ArrayList<>();
    for (PropTag tag : remove) {
      if (StoreProperties.isComputed(tag.id())) {
        refused.put(tag, StoreError.COMPUTED);
      } else {
        removed.add(tag);
      }
    }
    refused.putAll(logon.mailbox().setMailboxProperties(kept, removed));
    return refused;
  }

  private static int code(StoreError error) {
    return error == StoreError.COMPUTED ? COMPUTED : error.mapiCode();
  }

  private static void answer(RopCall call, int ropId, int handleIndex, List<PropertyProblem> problems) {
    problems.sort(java.util.Comparator.comparingInt(PropertyProblem::index));
    PropertyRops.success(call, ropId, handleIndex);
    PropertyProblem.writeArray(call.out(), problems);
  }
}
