package io.convene.convert.component;

import io.convene.api.convert.ContactConverter;
import io.convene.api.convert.ConversionException;
import io.convene.api.convert.ConversionResult;
import io.convene.api.convert.ItemContent;
import io.convene.api.convert.NamedPropertyIds;
import io.convene.api.convert.VCardVersion;
import io.convene.convert.contact.VCardContactConverter;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link ContactConverter} service; limits from {@link ConvertLimitsConfig}. */
@Component(configurationPid = ConvertLimitsConfig.PID, service = ContactConverter.class)
public final class ContactConverterComponent implements ContactConverter {

  private static final Logger LOG = LoggerFactory.getLogger(ContactConverterComponent.class);

  private volatile VCardContactConverter converter;

  @Activate
  public ContactConverterComponent(ConvertLimitsConfig config) {
    this.converter = new VCardContactConverter(ConvertSettings.vcard(config));
  }

  @Modified
  void modified(ConvertLimitsConfig config) {
    try {
      converter = new VCardContactConverter(ConvertSettings.vcard(config));
    } catch (IllegalArgumentException e) {
      LOG.error("Configuration rejected, keeping the previous limits: {}", e.getMessage());
    }
  }

  @Override
  public ConversionResult<String> toVCard(ItemContent contact, VCardVersion version, NamedPropertyIds ids)
      throws ConversionException {
    return converter.toVCard(contact, version, ids);
  }

  @Override
  public ConversionResult<List<ItemContent>> fromVCard(String vcard, NamedPropertyIds ids) throws ConversionException {
    return converter.fromVCard(vcard, ids);
  }
}
